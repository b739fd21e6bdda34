package dev.fleetpanel.panel.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.fleetpanel.panel.blocklist.list.ListParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Downloads from a local server that answers well, slowly, or not as a list server should. */
class SourceFetcherTest {
  private HttpServer web;
  private volatile boolean stop;

  @BeforeEach
  void serve() throws IOException {
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    web.createContext(
        "/good.txt",
        exchange -> {
          byte[] body = "# a list\n198.51.99.1\n8.8.8.0/24\n10.0.0.1\nnonsense\n".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    // A server that sends a line every 100 ms and never ends.
    web.createContext(
        "/trickle.txt",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 1; !stop; i++) {
              out.write(("8.8." + (i / 256 % 256) + "." + i % 256 + "\n").getBytes());
              out.flush();
              Thread.sleep(100);
            }
          } catch (IOException | InterruptedException e) {
            // The client went away.
          }
        });
    web.createContext(
        "/missing.txt",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    web.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    web.start();
  }

  @AfterEach
  void stop() {
    stop = true;
    web.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + web.getAddress().getPort() + path);
  }

  private static SourceFetcher fetcher(Duration total) {
    return new SourceFetcher(ListParser.Limits.DEFAULT, total);
  }

  @Test
  void aListIsParsedAsItArrivesWithTheLinesLeftOutCounted() throws Exception {
    SourceFetcher.Fetched fetched = fetcher(Duration.ofSeconds(30)).fetch(url("/good.txt"));

    assertThat(fetched.list().canonical()).containsExactly("8.8.8.0/24", "198.51.99.1");
    assertThat(fetched.garbage()).isEqualTo(1);
    assertThat(fetched.refused()).isEqualTo(1);
  }

  @Test
  @Timeout(120) // only so that a broken deadline fails instead of hanging the suite
  void aServerThatTricklesIsCutOffAtTheDeadlineWithAClearError() {
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(1)).fetch(url("/trickle.txt")))
        .isInstanceOf(SourceFetcher.FetchException.class)
        .hasMessage("the download took longer than 1 s and was stopped");
  }

  @Test
  void anErrorStatusOrAnUnusableUrlIsAFetchFailureNotACrash() {
    assertThatThrownBy(() -> fetcher(Duration.ofSeconds(30)).fetch(url("/missing.txt")))
        .isInstanceOf(SourceFetcher.FetchException.class)
        .hasMessage("the server answered 404");
    assertThatThrownBy(
            () -> fetcher(Duration.ofSeconds(30)).fetch(URI.create("http://127.0.0.1:99999/x")))
        .isInstanceOf(SourceFetcher.FetchException.class)
        .hasMessageStartingWith("the URL cannot be used");
  }
}
