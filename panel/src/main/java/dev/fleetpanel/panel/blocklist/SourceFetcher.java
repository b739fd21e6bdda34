package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.panel.blocklist.list.ListParser;
import dev.fleetpanel.panel.blocklist.list.NetworkList;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Downloads a list over HTTP(S) and parses it as it arrives: at most {@link
 * ListParser.Limits#DEFAULT}'s bytes read and entries kept, garbage lines and non-public ranges
 * left out and counted. The base of a URL is the list's own (tests serve lists from a local
 * server).
 */
public final class SourceFetcher {
  static final Duration CONNECT = Duration.ofSeconds(10);
  static final Duration TOTAL = Duration.ofMinutes(5);

  /** A downloaded list: its networks (merged), and the lines left out. */
  public record Fetched(NetworkList list, int garbage, int refused) {}

  /** Why a download gave no list; the message says it for the page. */
  public static final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    FetchException(String message) {
      super(message);
    }
  }

  /** Ends downloads that run past their time (a server may trickle a byte now and then). */
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fleetpanel-list-download-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final ListParser.Limits limits;
  private final Duration total;

  public SourceFetcher() {
    this(ListParser.Limits.DEFAULT, TOTAL);
  }

  /**
   * With other limits than the 1,000,000 entries and 256 MB, and another time for a whole
   * download than 5 minutes (tests).
   */
  public SourceFetcher(ListParser.Limits limits, Duration total) {
    this.limits = limits;
    this.total = total;
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  public Fetched fetch(URI url) throws FetchException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(total)
            .header("Accept", "text/plain, */*")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new FetchException("download failed: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("download interrupted");
    } catch (RuntimeException e) {
      throw new FetchException("the URL cannot be used: " + e.getMessage());
    }
    AtomicBoolean late = new AtomicBoolean();
    try (InputStream body = response.body()) {
      ScheduledFuture<?> watchdog =
          WATCHDOG.schedule(
              () -> {
                late.set(true);
                close(body);
              },
              total.toMillis(),
              TimeUnit.MILLISECONDS);
      try {
        if (response.statusCode() != 200) {
          throw new FetchException("the server answered " + response.statusCode());
        }
        ListParser.Parsed parsed = ListParser.parse(body, limits);
        return new Fetched(parsed.list(), parsed.garbage(), parsed.refused());
      } finally {
        watchdog.cancel(false);
      }
    } catch (ListParser.TooLargeException e) {
      throw new FetchException(e.getMessage());
    } catch (IOException e) {
      if (late.get()) {
        throw new FetchException(
            "the download took longer than " + total.toSeconds() + " s and was stopped");
      }
      throw new FetchException("download failed: " + describe(e));
    }
  }

  private static void close(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // The reader sees the stream closed either way.
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
