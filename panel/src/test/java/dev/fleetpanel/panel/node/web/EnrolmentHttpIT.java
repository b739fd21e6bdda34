package dev.fleetpanel.panel.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.EnrolmentProof;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.panel.testing.Http;
import dev.fleetpanel.panel.testing.PanelServer;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enrolment through the running war: a token from the API or the page, then the node's call. */
class EnrolmentHttpIT {
  static PanelServer panel;

  @BeforeAll
  static void start() {
    panel = PanelServer.shared();
  }

  private static Http admin() {
    Http admin = new Http(panel.base()).from("203.0.113.50");
    assertThat(admin.login(PanelServer.PASSWORD).statusCode()).isEqualTo(200);
    return admin;
  }

  private static String addServer(Http admin) {
    HttpResponse<String> created =
        admin.post(
            "api/servers",
            "{\"name\":\"enrol-"
                + Long.toHexString(System.nanoTime())
                + "\",\"address\":\"127.0.0.1\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
  }

  private static String enrolBody(EnrolmentToken token, NodeKeyRequest request, byte[] proof) {
    Base64.Encoder b64 = Base64.getEncoder();
    return "{\"token_id\":\""
        + token.tokenId()
        + "\",\"csr\":\""
        + b64.encodeToString(request.csrDer())
        + "\",\"proof\":\""
        + b64.encodeToString(proof)
        + "\"}";
  }

  @Test
  void aNodeEnrolsOnceWithTheTokenFromTheApi() throws Exception {
    Http admin = admin();
    String id = addServer(admin);
    HttpResponse<String> issued = admin.post("api/servers/" + id + "/enrolment-token", "");
    assertThat(issued.statusCode()).isEqualTo(200);
    String encoded = issued.body().replaceAll(".*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1");
    assertThat(issued.body())
        .contains("\"command\":\"java -jar fleetpanel-node.jar enroll " + encoded + "\"");
    EnrolmentToken token = EnrolmentToken.decode(encoded);
    assertThat(token.panelUrl().toString()).isEqualTo(panel.base());

    NodeKeyRequest request = CsrFactory.create();
    Http node = new Http(panel.base()).from("203.0.113.51");
    HttpResponse<String> enrolled =
        node.post(
            "api/nodes/enroll",
            enrolBody(token, request, EnrolmentProof.compute(token, request.csrDer())));
    assertThat(enrolled.statusCode()).isEqualTo(200);
    String certificate =
        enrolled.body().replaceAll(".*\"certificate\":\"([^\"]+)\".*", "$1").replace("\\n", "\n");
    assertThat(Pem.parseCertificate(certificate).getSubjectX500Principal().getName())
        .isEqualTo("CN=node-" + id);
    assertThat(enrolled.body())
        .contains("\"client_issuer\":\"-----BEGIN CERTIFICATE")
        .contains("\"client_crl\":\"-----BEGIN X509 CRL");

    HttpResponse<String> again =
        node.post(
            "api/nodes/enroll",
            enrolBody(token, request, EnrolmentProof.compute(token, request.csrDer())));
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(admin.get("audit").body())
        .contains("node.enrolled")
        .contains("node.enrolment_token");
  }

  @Test
  void aForgedProofIsRefusedAndCountsAsAFailedAttempt() {
    Http admin = admin();
    String id = addServer(admin);
    String encoded =
        admin
            .post("api/servers/" + id + "/enrolment-token", "")
            .body()
            .replaceAll(".*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1");
    EnrolmentToken token = EnrolmentToken.decode(encoded);
    NodeKeyRequest request = CsrFactory.create();
    Http attacker = new Http(panel.base()).from("203.0.113.52");
    HttpResponse<String> forged =
        attacker.post(
            "api/nodes/enroll",
            enrolBody(token, request, EnrolmentProof.compute(new byte[32], request.csrDer())));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(attacker.get("api/auth/ban-status").body()).contains("\"attempts\":1");
    assertThat(attacker.post("api/nodes/enroll", "{\"token_id\":\"x\"}").statusCode())
        .isEqualTo(400);
    assertThat(attacker.post("api/servers/" + id + "/enrolment-token", "").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theEnrolmentFragmentShowsTheCommandOnce() {
    Http admin = admin();
    String id = addServer(admin);
    HttpResponse<String> fragment = admin.post("servers/" + id + "/enrolment", "");
    assertThat(fragment.statusCode()).isEqualTo(200);
    String command =
        Jsoup.parseBodyFragment(fragment.body()).selectFirst("#enrolment pre.secret").text();
    assertThat(command).startsWith("java -jar fleetpanel-node.jar enroll ");
    assertThat(admin.get("servers").body()).doesNotContain(command);
  }

  @Test
  void testingAServerWithoutAnAgentSaysTheConnectionWasRefused() {
    Http admin = admin();
    String id = addServer(admin);
    HttpResponse<String> api = admin.post("api/servers/" + id + "/test", "");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"ok\":false").contains("\"reason\":\"refused\"");
    HttpResponse<String> page = admin.post("servers/" + id + "/test", "");
    assertThat(Jsoup.parseBodyFragment(page.body()).selectFirst("#test-" + id).text())
        .isEqualTo("Connection refused: is the agent running on that port?");
  }

  /**
   * The routes of "Replace certificate": the JSON API names why nothing was replaced (no agent on
   * the server's port), the page answers its fragment, and neither is reachable without a session.
   */
  @Test
  void replacingTheCertificateOfAServerWithoutAnAgentSaysWhyAndChangesNothing() {
    Http admin = admin();
    String id = addServer(admin);

    HttpResponse<String> api = admin.post("api/servers/" + id + "/replace-node-cert", "");
    HttpResponse<String> page = admin.postForm("servers/" + id + "/replace-node-cert", "");

    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).contains("\"ok\":false").contains("\"reason\":\"refused\"");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).selectFirst("#replacement.badge.err")).isNotNull();
    assertThat(
            new Http(panel.base())
                .from("203.0.113.52")
                .post("api/servers/" + id + "/replace-node-cert", "")
                .statusCode())
        .isEqualTo(401);
  }
}
