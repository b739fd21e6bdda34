package dev.fleetpanel.panel.blocklist.web;

import dev.fleetpanel.panel.blocklist.BlocklistSettings;
import dev.fleetpanel.panel.platform.errors.InvalidInputException;
import dev.fleetpanel.panel.platform.settings.IntSetting;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET/PUT api/blocklist/settings}: {@code {auto_update_enabled, auto_update_interval}} (the
 * interval in seconds, whole hours from 1 to 168, as the seed's 86400); a field left out keeps its
 * value.
 */
@Path("api/blocklist/settings")
@Produces(MediaType.APPLICATION_JSON)
public class BlocklistSettingsApiResource {
  @Inject BlocklistSettings settings;
  @Context HttpServletRequest request;

  /** The settings' JSON. */
  public record SettingsJson(Boolean autoUpdateEnabled, Long autoUpdateInterval) {}

  @GET
  public SettingsJson get() {
    return new SettingsJson(settings.autoUpdate(), settings.updateHours() * 3600L);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public SettingsJson update(SettingsJson body) {
    if (body == null) {
      throw new BadRequestException("a JSON body is required");
    }
    long seconds =
        body.autoUpdateInterval() == null
            ? settings.updateHours() * 3600L
            : body.autoUpdateInterval();
    IntSetting hours = BlocklistSettings.UPDATE_HOURS;
    if (seconds % 3600 != 0 || seconds < hours.min() * 3600L || seconds > hours.max() * 3600L) {
      throw InvalidInputException.of("auto_update_interval", "blocklist.settings.hours.invalid");
    }
    settings.update(
        body.autoUpdateEnabled() == null ? settings.autoUpdate() : body.autoUpdateEnabled(),
        (int) (seconds / 3600),
        RequestInfo.of(request).actor());
    return get();
  }
}
