package bench.fleet;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The panel's JSON API as the simulator uses it: log in once (the session cookie and its CSRF token
 * go with every later call), create servers and their enrolment tokens, enrol, delete. Thread-safe:
 * enrolment calls it from several threads.
 */
final class PanelClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String COOKIE = "fp_session";

  private final HttpClient http;
  private final URI base;
  private volatile String cookie;
  private volatile String csrf;

  /**
   * @param base the panel's URL with its secret path, ending in '/'
   */
  PanelClient(URI base) {
    this.base = base;
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every plain-http request.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** {@code POST api/auth/login}: keeps the session cookie and the CSRF token. */
  void login(String password) throws IOException {
    String body = Json.createObjectBuilder().add("password", password).build().toString();
    HttpResponse<String> response = send(post("api/auth/login", body));
    JsonObject answer = expect(response, 200, "log in");
    cookie =
        response.headers().allValues("Set-Cookie").stream()
            .map(c -> c.split(";", 2)[0].trim())
            .filter(c -> c.startsWith(COOKIE + "="))
            .findFirst()
            .orElseThrow(() -> new IOException("the panel's login set no " + COOKIE + " cookie"));
    csrf = answer.getString("csrf_token");
  }

  /** {@code POST api/servers}: the new server's id. */
  String createServer(String name, String address, int port) throws IOException {
    String body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("address", address)
            .add("agent_port", port)
            .build()
            .toString();
    JsonObject server = expect(send(authorised(post("api/servers", body))), 201, "create " + name);
    return server.get("id").toString();
  }

  /** {@code POST api/servers/{id}/enrolment-token}: the encoded single-use token. */
  String enrolmentToken(String serverId) throws IOException {
    String path = "api/servers/" + serverId + "/enrolment-token";
    return expect(send(authorised(post(path, ""))), 200, "get a token").getString("token");
  }

  /** {@code POST api/nodes/enroll} (no login): the certificate, client issuer and CRL. */
  JsonObject enroll(String tokenId, String csrBase64, String proofBase64) throws IOException {
    String body =
        Json.createObjectBuilder()
            .add("token_id", tokenId)
            .add("csr", csrBase64)
            .add("proof", proofBase64)
            .build()
            .toString();
    return expect(send(post("api/nodes/enroll", body)), 200, "enrol");
  }

  /** {@code DELETE api/servers/{id}}. */
  void deleteServer(String serverId) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("api/servers/" + serverId)).timeout(TIMEOUT).DELETE();
    HttpResponse<String> response = send(authorised(request));
    if (response.statusCode() != 204 && response.statusCode() != 404) {
      throw refusal(response, "delete server " + serverId);
    }
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder authorised(HttpRequest.Builder request) {
    if (cookie == null) {
      throw new IllegalStateException("log in first");
    }
    return request.header("Cookie", cookie).header("X-CSRF-Token", csrf);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static JsonObject expect(HttpResponse<String> response, int status, String what)
      throws IOException {
    if (response.statusCode() != status) {
      throw refusal(response, what);
    }
    return parse(response.body())
        .orElseThrow(() -> new IOException(what + ": the panel's answer is not a JSON object"));
  }

  private static IOException refusal(HttpResponse<String> response, String what) {
    String body = response.body().strip();
    String shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
    return new IOException(what + ": HTTP " + response.statusCode() + " " + shown);
  }

  private static Optional<JsonObject> parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return Optional.of(reader.readObject());
    } catch (JsonException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}
