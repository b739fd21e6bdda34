package dev.fleetpanel.panel.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.dashboard.DashboardSettings;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The card markup written in code: escaping in text and attributes, and what each view leaves out.
 */
class CardHtmlTest {
  private static final MeterScale SCALE =
      MeterScale.of(new DashboardSettings.Thresholds(90, 50, 80, 7));

  private static Element card(CardRow row, boolean compact, boolean reorderable, boolean oob) {
    CardHtml.Options options =
        new CardHtml.Options(
            CardTexts.of(Locale.ENGLISH),
            SCALE,
            compact,
            reorderable,
            "?q=a+%22b%22&sort=cpu",
            oob);
    return Jsoup.parseBodyFragment(CardHtml.cards(List.of(row), options)).selectFirst("article");
  }

  @Test
  void everyValueFromAServerIsEscapedInTextAndInAttributes() {
    String hostile = "\"><script>alert('x')</script>&";
    CardRow row =
        new CardRow(
            5,
            hostile,
            hostile,
            "offline",
            "2026-11-22T09:00:00Z",
            hostile,
            null,
            -1,
            null,
            null,
            -1,
            null,
            null,
            -1,
            null,
            null,
            null,
            null,
            null,
            hostile,
            2L,
            List.of("offline"));

    Element card = card(row, false, true, false);

    assertThat(card.select("script")).isEmpty();
    assertThat(card.selectFirst("a.name").text()).isEqualTo(hostile);
    assertThat(card.selectFirst("a.name").attr("href"))
        .isEqualTo("servers/5/details?q=a+%22b%22&sort=cpu");
    assertThat(card.selectFirst(".addr").text()).isEqualTo(hostile);
    assertThat(card.selectFirst(".err-text").text()).isEqualTo(hostile);
    assertThat(card.selectFirst(".ssl").attr("title")).isEqualTo(hostile);
    assertThat(card.attributes().size()).as("no attribute injected").isEqualTo(3);
  }

  @Test
  void theMetersCarryTheThresholdsAndTheViewsLeaveOutWhatTheyDoNotShow() {
    CardRow row = DashboardTemplateTest.online(7, "web", "12.0 %");

    Element detailed = card(row, false, true, true);
    Element compact = card(row, true, false, false);

    assertThat(detailed.attr("hx-swap-oob")).isEqualTo("true");
    assertThat(detailed.select("meter").eachAttr("high")).containsExactly("90", "50", "80");
    assertThat(detailed.select("meter").eachAttr("low")).containsExactly("72", "40", "64");
    assertThat(detailed.select(".drag")).hasSize(1);
    assertThat(detailed.select(".v.load, .v.uptime, .v.tcp, .addr, small")).hasSize(6);
    assertThat(compact.hasAttr("hx-swap-oob")).isFalse();
    assertThat(compact.select(".drag, .v.load, .v.uptime, .v.tcp, .addr, small")).isEmpty();
    assertThat(compact.selectFirst(".v.cpu").text()).isEqualTo("12.0 %");
  }
}
