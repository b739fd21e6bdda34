package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.BlocklistSettings;
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

/** {@code POST blocklist/settings}: the lists' automatic refresh. */
@Path("blocklist/settings")
@Produces(MediaType.TEXT_HTML)
public class BlocklistSettingsPageResource {
  @Inject BlocklistSettings settings;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @FormParam("auto_update") String auto, @FormParam("update_hours") String hours) {
    View view = View.fragment(BlocklistPageResource.TEMPLATE, "settings").with("tab", "settings");
    boolean on = "true".equals(auto);
    try {
      settings.update(
          on,
          Integer.parseInt(hours == null ? "" : hours.strip()),
          RequestInfo.of(request).actor());
      return Response.ok(
              view.with("autoUpdate", settings.autoUpdate())
                  .with("updateHours", settings.updateHours())
                  .with("settingsSaved", true))
          .build();
    } catch (IllegalArgumentException e) {
      return Response.status(ErrorMapper.UNPROCESSABLE)
          .entity(
              view.with("autoUpdate", on)
                  .with("updateHours", hours)
                  .with("settingsError", "blocklist.settings.hours.invalid"))
          .build();
    }
  }
}
