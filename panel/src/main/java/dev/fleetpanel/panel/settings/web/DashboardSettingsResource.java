package dev.fleetpanel.panel.settings.web;

import dev.fleetpanel.panel.dashboard.DashboardSettings;
import dev.fleetpanel.panel.platform.web.ErrorMapper;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code POST settings/dashboard}: when a server needs attention, applied at the next refresh. */
@Path("settings/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardSettingsResource {
  @Inject DashboardSettings settings;
  @Context HttpServletRequest request;

  /**
   * The thresholds as the form shows them (text, so that a refused entry is shown back as typed).
   */
  public record ThresholdsForm(String cpu, String ram, String disk, String sslDays) {}

  static ThresholdsForm form(DashboardSettings.Thresholds t) {
    return new ThresholdsForm(
        Integer.toString(t.cpuPercent()),
        Integer.toString(t.ramPercent()),
        Integer.toString(t.diskPercent()),
        Integer.toString(t.sslDays()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @FormParam("cpu_percent") String cpu,
      @FormParam("ram_percent") String ram,
      @FormParam("disk_percent") String disk,
      @FormParam("ssl_days") String sslDays) {
    View view = View.fragment("settings/page", "dashboard-settings");
    FormNumbers n = new FormNumbers();
    DashboardSettings.Thresholds next =
        new DashboardSettings.Thresholds(
            n.read("cpu_percent", cpu, DashboardSettings.CPU, "dashboard.threshold.invalid"),
            n.read("ram_percent", ram, DashboardSettings.RAM, "dashboard.threshold.invalid"),
            n.read("disk_percent", disk, DashboardSettings.DISK, "dashboard.threshold.invalid"),
            n.read("ssl_days", sslDays, DashboardSettings.SSL_DAYS, "dashboard.ssl_days.invalid"));
    if (!n.errors().isEmpty()) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(
              view.with("limits", new ThresholdsForm(cpu, ram, disk, sslDays))
                  .with("dashboardErrors", n.errors()))
          .build();
    }
    settings.update(next, RequestInfo.of(request).actor());
    return Response.ok(
            view.with("limits", form(settings.thresholds()))
                .with("dashboardErrors", Map.of())
                .with("dashboardSaved", true))
        .build();
  }
}
