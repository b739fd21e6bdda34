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

  private final ListParser.Limits limits;

  public SourceFetcher() {
    this(ListParser.Limits.DEFAULT);
  }

  /** With other limits than the 1,000,000 entries and 256 MB (tests). */
  public SourceFetcher(ListParser.Limits limits) {
    this.limits = limits;
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  public Fetched fetch(URI url) throws FetchException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TOTAL)
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
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new FetchException("the server answered " + response.statusCode());
      }
      ListParser.Parsed parsed = ListParser.parse(body, limits);
      return new Fetched(parsed.list(), parsed.garbage(), parsed.refused());
    } catch (ListParser.TooLargeException e) {
      throw new FetchException(e.getMessage());
    } catch (IOException e) {
      throw new FetchException("download failed: " + describe(e));
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
