package dev.fleetpanel.panel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP client for the panel's tests that keeps the session cookie itself (the cookie is
 * Secure, so the JDK's cookie handler would not send it over plain http) and the CSRF token the
 * login returned.
 */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final Pattern CSRF = Pattern.compile("\"csrf_token\":\"([^\"]+)\"");

  private final String base;
  private final Map<String, String> headers = new HashMap<>();
  private String session;
  private String csrf;

  public Http(String base) {
    this.base = base;
  }

  /** Sends every request as if forwarded by the trusted proxy for {@code ip}. */
  public Http from(String ip) {
    headers.put("X-Forwarded-For", ip);
    return this;
  }

  public Http header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public HttpResponse<String> login(String password) {
    HttpResponse<String> r = post("api/auth/login", "{\"password\":" + json(password) + "}");
    Matcher m = CSRF.matcher(r.body());
    if (r.statusCode() == 200 && m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  public Http withoutCsrf() {
    csrf = null;
    return this;
  }

  public Optional<String> sessionCookie() {
    return Optional.ofNullable(session);
  }

  public Http withSession(String cookie) {
    session = cookie;
    return this;
  }

  public String csrf() {
    return csrf;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public HttpResponse<String> put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  public HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      r.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith("fp_session="))
          .findFirst()
          .ifPresent(
              c -> {
                String value = c.substring("fp_session=".length(), c.indexOf(';'));
                session = value.isEmpty() ? null : value;
              });
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    if (session != null) {
      b.header("Cookie", "fp_session=" + session);
    }
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return b;
  }

  public static String json(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
