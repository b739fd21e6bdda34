package dev.fleetpanel.panel.settings.web;

import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.admin;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.parse;
import static dev.fleetpanel.panel.platform.web.TemplateTestSupport.renderHtmx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.platform.web.TemplateTestSupport;
import dev.fleetpanel.panel.platform.web.View;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The monitoring sections of the Settings page: collection, dashboard thresholds, Prometheus. */
class SettingsTemplateTest {

  @Test
  void theCollectorFormShowsBothSettingsAndEveryRefusedFieldAtOnce() {
    View view =
        View.fragment("settings/page", "collector")
            .with("intervalSeconds", "4")
            .with("offlinePolls", "x")
            .with(
                "collectorErrors",
                Map.of(
                    "interval_seconds", "collector.interval.invalid",
                    "offline_after_polls", "collector.offline.invalid"));
    Document doc = parse(renderHtmx(view, admin()));

    assertThat(doc.select("input[name=interval_seconds]").val()).isEqualTo("4");
    assertThat(doc.select("input[name=offline_after_polls]").val()).isEqualTo("x");
    assertThat(doc.select("[aria-invalid=true]")).hasSize(2);
    assertThat(doc.select(".field-error").eachText())
        .containsExactly(
            "The poll interval must be a whole number of seconds from 5 to 300.",
            "Missed polls before offline must be a whole number from 1 to 20.");
  }

  @Test
  void theDashboardThresholdsAreAFormWithTheirRanges() {
    View view =
        View.fragment("settings/page", "dashboard-settings")
            .with("limits", new DashboardSettingsResource.ThresholdsForm("90", "85", "<b>", "7"))
            .with("dashboardErrors", Map.of("disk_percent", "dashboard.threshold.invalid"));
    Document doc = parse(renderHtmx(view, admin()));

    assertThat(doc.select("form[hx-post=settings/dashboard] input").eachAttr("name"))
        .containsExactly("cpu_percent", "ram_percent", "disk_percent", "ssl_days");
    assertThat(doc.select("input").eachAttr("value")).containsExactly("90", "85", "<b>", "7");
    assertThat(doc.select("input[name=ssl_days]").attr("max")).isEqualTo("365");
    assertThat(doc.select("input[name=cpu_percent]").attr("max")).isEqualTo("100");
    assertThat(doc.select("input[name=disk_percent]").attr("aria-invalid")).isEqualTo("true");
    assertThat(doc.select("b")).isEmpty();
  }

  @Test
  void aNewScrapeTokenIsShownOnceWithTheScrapeConfigAndReplacingOrRevokingAsksFirst() {
    String config = ScrapeTokenResource.config(TemplateTestSupport.BASE, "fpm_secret");
    View made =
        View.fragment("settings/page", "prometheus")
            .with("scrapeConfigured", true)
            .with("scrapeSecret", "fpm_secret")
            .with("scrapeConfig", config);
    Document doc = parse(renderHtmx(made, admin()));

    assertThat(doc.select("pre.secret").text()).isEqualTo("fpm_secret");
    assertThat(doc.select("pre.config").text())
        .contains("metrics_path: " + TemplateTestSupport.BASE + "metrics")
        .contains("credentials: fpm_secret");
    assertThat(doc.select("button[hx-post=settings/scrape-token]").attr("hx-confirm"))
        .startsWith("Make a new scrape token?");
    assertThat(doc.select("button[hx-delete=settings/scrape-token]").attr("hx-confirm"))
        .startsWith("Revoke the scrape token?");

    View none =
        View.fragment("settings/page", "prometheus")
            .with("scrapeConfigured", false)
            .with("scrapeConfig", ScrapeTokenResource.config("/u/", null));
    Document closed = parse(renderHtmx(none, admin()));
    assertThat(closed.select("pre.secret")).isEmpty();
    assertThat(closed.select("button[hx-delete]")).isEmpty();
    assertThat(closed.select("button[hx-post=settings/scrape-token]").hasAttr("hx-confirm"))
        .isFalse();
    assertThat(closed.select(".badge").text()).isEqualTo("no scrape token: /metrics is closed");
  }
}
