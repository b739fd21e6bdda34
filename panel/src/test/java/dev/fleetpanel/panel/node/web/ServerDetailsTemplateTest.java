package dev.fleetpanel.panel.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.panel.platform.web.TemplateTestSupport;
import dev.fleetpanel.panel.platform.web.View;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The server details page rendered from the agent's golden /api/metrics document. */
class ServerDetailsTemplateTest {
  private static final Path GOLDEN =
      Path.of(System.getProperty("fleetpanel.webapp", "../src/main/webapp"))
          .resolve("../../../node-api/agent/src/test/resources/golden/metrics-root1.json")
          .normalize();

  private static JsonObject golden() throws Exception {
    return Json.createReader(new StringReader(Files.readString(GOLDEN))).readObject();
  }

  private static Document render(View view) {
    return Jsoup.parse(TemplateTestSupport.renderPage(view, TemplateTestSupport.admin()));
  }

  private static View page() {
    return View.page("node/details", "content")
        .with("serverId", 7L)
        .with("serverName", "<b>edge</b>")
        .with("serverAddress", "127.0.0.1:9100");
  }

  @Test
  void theLiveStateOfTheNodeIsShown() throws Exception {
    NodeStatusView node = NodeStatusView.of(golden());
    Document doc = render(page().with("node", node).with("latency", 12L));

    assertThat(doc.select("h1").text()).contains("<b>edge</b>");
    assertThat(doc.select("h1 b")).isEmpty();
    assertThat(doc.text())
        .contains("node-fra-01")
        .contains("Ubuntu 24.04.1 LTS")
        .contains("up 3d 4h 5m");
    assertThat(doc.select("#summary").text()).contains("15.6 GiB").contains("39.5 %");
    assertThat(doc.select("#disks tbody tr")).hasSize(2);
    assertThat(doc.select("#disks").text()).contains("/var/lib/data").contains("36.8 %");
    assertThat(doc.select("#tcp").text()).contains("established 6").contains("close_wait 2");
    assertThat(doc.select("#processes tbody tr").eachText()).anyMatch(t -> t.contains("systemd"));
    assertThat(doc.select("#process-filter").attr("data-filter-rows"))
        .isEqualTo("#processes tbody tr");
    assertThat(doc.select("#interfaces tbody tr.disabled").text()).contains("lo");
  }

  @Test
  void anUnreachableNodeSaysWhy() {
    Document doc = render(page().with("failure", "refused").with("detail", "connection refused"));
    assertThat(doc.select(".flash.error").text())
        .contains("The node cannot be reached.")
        .contains("Connection refused: is the agent running on that port?");
    assertThat(doc.select("#summary")).isEmpty();
  }

  @Test
  void sectionsTheNodeCouldNotReadAreLeftOut() {
    NodeStatusView node =
        NodeStatusView.of(
            Json.createObjectBuilder().add("timestamp", "2026-01-01T00:00:00Z").build());
    assertThat(node.disks()).isEmpty();
    assertThat(node.processes()).isEmpty();
    assertThat(node.ram()).isNull();
    Document doc = render(page().with("node", node).with("latency", 3L));
    assertThat(doc.select("#disks tbody tr")).isEmpty();
  }

  @Test
  void sizesAreReadable() {
    assertThat(NodeStatusView.bytes(512.0)).isEqualTo("512 B");
    assertThat(NodeStatusView.bytes(1536.0)).isEqualTo("1.5 KiB");
    assertThat(NodeStatusView.bytes(16715509760.0)).isEqualTo("15.6 GiB");
  }
}
