package dev.fleetpanel.node.agent.enrol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fleetpanel.node.agent.TestPki;
import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.Pem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The panel's side of {@code POST api/nodes/enroll} on 127.0.0.1 over plain HTTP: checks the proof
 * against the token's secret, signs the CSR with the node issuer and answers with {@code
 * clientIssuer} (normally the token's one; a test may put another there).
 */
final class FakePanel implements AutoCloseable {

  final HttpServer server;
  final EnrolmentToken token;
  volatile Issuer clientIssuer = TestPki.CLIENT_ISSUER;
  volatile int forcedStatus;

  FakePanel() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/nodes/enroll", this::enroll);
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    token = EnrolmentToken.issue(url, TestPki.CLIENT_ISSUER.fingerprint(), TestPki.NOW);
  }

  private void enroll(HttpExchange exchange) throws IOException {
    if (forcedStatus != 0) {
      answer(exchange, forcedStatus, "{\"error\":\"this enrolment token was already used\"}");
      return;
    }
    JsonObject body;
    try (InputStream in = exchange.getRequestBody()) {
      body = Json.createReader(in).readObject();
    }
    byte[] csr = Base64.getDecoder().decode(body.getString("csr"));
    byte[] proof = Base64.getDecoder().decode(body.getString("proof"));
    if (!body.getString("token_id").equals(token.tokenId())
        || !EnrolmentProof.verify(token.secret(), csr, proof)) {
      answer(exchange, 403, "{\"error\":\"wrong proof\"}");
      return;
    }
    String answer =
        Json.createObjectBuilder()
            .add("server_id", 7)
            .add(
                "certificate",
                Pem.certificate(
                    TestPki.NODE_ISSUER.issueNodeCertificate(
                        csr, "7", "127.0.0.1", TestPki.ONE_DAY)))
            .add("client_issuer", clientIssuer.certificatePem())
            .add(
                "client_crl",
                Pem.crl(
                    clientIssuer.issueCrl(
                        List.of(), TestPki.NOW.minusSeconds(60), TestPki.NOW.plusSeconds(3600))))
            .build()
            .toString();
    answer(exchange, 200, answer);
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
