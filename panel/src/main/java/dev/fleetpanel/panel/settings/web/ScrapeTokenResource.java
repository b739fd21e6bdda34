package dev.fleetpanel.panel.settings.web;

import dev.fleetpanel.panel.metrics.ScrapeToken;
import dev.fleetpanel.panel.platform.web.RequestInfo;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST settings/scrape-token} makes a new Prometheus scrape token (shown once, replacing the
 * one before); {@code DELETE} revokes it, closing {@code /metrics}.
 */
@Path("settings/scrape-token")
@Produces(MediaType.TEXT_HTML)
public class ScrapeTokenResource {
  @Inject ScrapeToken token;
  @Context HttpServletRequest request;

  @POST
  public View renew() {
    RequestInfo info = RequestInfo.of(request);
    String secret = token.renew(info.actor());
    return fragment(info.base(), secret).with("scrapeSecret", secret);
  }

  @DELETE
  public View revoke() {
    RequestInfo info = RequestInfo.of(request);
    token.revoke(info.actor());
    return fragment(info.base(), null);
  }

  private View fragment(String base, String secret) {
    return View.fragment("settings/page", "prometheus")
        .with("scrapeConfigured", token.configured())
        .with("scrapeConfig", config(base, secret));
  }

  /**
   * Prometheus's scrape configuration for this panel (the token where it is known, else a mark).
   */
  static String config(String base, String secret) {
    return "scrape_configs:\n"
        + "  - job_name: fleetpanel\n"
        + "    scheme: https\n"
        + "    metrics_path: "
        + base
        + "metrics\n"
        + "    authorization:\n"
        + "      credentials: "
        + (secret == null ? "<the token>" : secret)
        + "\n"
        + "    static_configs:\n"
        + "      - targets: ['panel.example.com']\n";
  }
}
