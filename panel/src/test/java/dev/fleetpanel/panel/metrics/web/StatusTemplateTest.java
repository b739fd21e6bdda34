package dev.fleetpanel.panel.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.metrics.NodeStatus;
import dev.fleetpanel.panel.platform.web.TemplateTestSupport;
import dev.fleetpanel.panel.platform.web.View;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The status cells swapped out of band into the Servers page. */
class StatusTemplateTest {

  private static final Instant SINCE = Instant.parse("2026-11-22T10:00:00Z");

  private static Document render(NodeStatus... statuses) {
    View view =
        View.fragment("metrics/status", "statuses")
            .with("statuses", List.of(statuses).stream().map(StatusRow::of).toList());
    return Jsoup.parseBodyFragment(
        TemplateTestSupport.renderHtmx(view, TemplateTestSupport.admin()));
  }

  private static NodeStatus status(long id, NodeStatus.State state, String error) {
    return new NodeStatus(
        id,
        state,
        SINCE,
        SINCE,
        error,
        "tls",
        1,
        null,
        null,
        dev.fleetpanel.panel.metrics.NodeFacts.NONE);
  }

  @Test
  void eachServerGetsAnOutOfBandCellWithItsStateAndSince() {
    Document doc =
        render(
            status(1, NodeStatus.State.ONLINE, null),
            status(2, NodeStatus.State.OFFLINE, "connection refused"));

    Element online = doc.getElementById("status-1");
    Element offline = doc.getElementById("status-2");
    assertThat(online.attr("hx-swap-oob")).isEqualTo("true");
    assertThat(online.hasClass("ok")).isTrue();
    assertThat(online.text()).isEqualTo("online since 2026-11-22T10:00:00Z");
    assertThat(online.selectFirst("time").attr("datetime")).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(offline.hasClass("err")).isTrue();
    assertThat(offline.text()).startsWith("offline since");
    assertThat(offline.attr("title")).isEqualTo("connection refused");
  }

  @Test
  void aHostileErrorIsEscaped() {
    String hostile = "<script>alert(1)</script>\"'";
    Document doc = render(status(3, NodeStatus.State.OFFLINE, hostile));

    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.getElementById("status-3").attr("title")).isEqualTo(hostile);
  }
}
