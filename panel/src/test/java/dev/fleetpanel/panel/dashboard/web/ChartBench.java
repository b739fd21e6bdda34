package dev.fleetpanel.panel.dashboard.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.fleetpanel.panel.testing.Browsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Time to the first chart on the server details page, in Chromium ({@code bin/fleetpanel bench
 * dashboard}; not part of the suite: its name does not end in IT). Against a running panel ({@code
 * fleetpanel.bench.base}, {@code .password}) and a server with a year of history ({@code .server}),
 * for each period: {@code fleetpanel.bench.runs} page loads in a fresh browser context (cold:
 * nothing cached) and as many in one context (warm: the scripts cached, as a user moving between
 * servers), each timed from the navigation's start to the moment the charts have been drawn ({@code
 * window.fpChartsRenderedAt}, set by charts.js after the history arrived and every chart was
 * drawn). Figures go to {@code target/bench/charts.properties}.
 */
class ChartBench {

  @Test
  void timeToFirstChart() throws Exception {
    String base = System.getProperty("fleetpanel.bench.base");
    String password = System.getProperty("fleetpanel.bench.password");
    String server = System.getProperty("fleetpanel.bench.server");
    int runs = Integer.getInteger("fleetpanel.bench.runs", 15);
    Map<String, Object> figures = new LinkedHashMap<>();
    try (Browsers browsers = Browsers.start()) {
      for (String period : List.of("30d", "365d")) {
        String url = base + "servers/" + server + "/details?period=" + period;
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          BrowserContext context = browsers.context("127.0.0.1");
          Page page = signedIn(context, base, password);
          cold.add(timeToCharts(page, url, period));
          context.close();
        }
        BrowserContext context = browsers.context("127.0.0.1");
        Page page = signedIn(context, base, password);
        timeToCharts(page, url, period);
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          warm.add(timeToCharts(page, url, period));
        }
        int points =
            ((Number)
                    page.evaluate("() => Chart.getChart('chart-cpu').data.datasets[0].data.length"))
                .intValue();
        context.close();
        figures.put("chart_" + period + "_points", points);
        figures.put("chart_" + period + "_cold_p50_ms", percentile(cold, 0.5));
        figures.put("chart_" + period + "_cold_p95_ms", percentile(cold, 0.95));
        figures.put("chart_" + period + "_warm_p50_ms", percentile(warm, 0.5));
        figures.put("chart_" + period + "_warm_p95_ms", percentile(warm, 0.95));
      }
    }
    figures.put("chart_runs", runs);
    Path out = Path.of("target", "bench", "charts.properties");
    Files.createDirectories(out.getParent());
    StringBuilder text = new StringBuilder();
    figures.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.writeString(out, text);
    System.out.print(text);
  }

  private static Page signedIn(BrowserContext context, String base, String password) {
    Page page = context.newPage();
    page.navigate(base + "login");
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
    return page;
  }

  /** Milliseconds from the navigation's start until every chart was drawn. */
  private static double timeToCharts(Page page, String url, String period) {
    page.navigate(url);
    assertThat(page.locator("#history"))
        .hasAttribute(
            "data-rendered",
            period,
            new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
    return ((Number) page.evaluate("() => window.fpChartsRenderedAt")).doubleValue();
  }

  private static long percentile(List<Double> values, double p) {
    List<Double> sorted = values.stream().sorted().toList();
    return Math.round(sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))));
  }
}
