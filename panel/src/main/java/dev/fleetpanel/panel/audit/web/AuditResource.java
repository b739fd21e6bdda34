package dev.fleetpanel.panel.audit.web;

import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log page, newest first, {@value #PAGE} entries a page. */
@Path("audit")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {
  static final int PAGE = 100;

  @Inject AuditService audit;

  @GET
  public View page(@QueryParam("before") Long before) {
    List<AuditRow> rows = audit.recent(before, PAGE + 1).stream().map(AuditRow::of).toList();
    boolean more = rows.size() > PAGE;
    List<AuditRow> shown = more ? rows.subList(0, PAGE) : rows;
    return View.page("audit/list", "content")
        .with("entries", shown)
        .with("nextBefore", more ? shown.get(shown.size() - 1).id() : null);
  }
}
