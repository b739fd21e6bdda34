package dev.fleetpanel.node.agent.enrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetpanel.node.agent.TestPki;
import dev.fleetpanel.node.trust.EnrolmentToken;
import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.TrustMaterial;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollerTest {

  @TempDir Path temp;
  private final FakePanel panel = newPanel();
  private final Clock clock = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);

  @AfterEach
  void stop() {
    panel.close();
  }

  @Test
  void writesTheFourFilesWithTheirPermissions() throws Exception {
    Path dir = temp.resolve("fleetpanel-node");
    EnrolledFiles files = new EnrolledFiles(dir);

    String serverId = enroller(files).enroll(panel.token.encode());

    assertThat(serverId).isEqualTo("7");
    assertThat(files.missing()).isEmpty();
    assertThat(permissions(dir)).isEqualTo("rwx------");
    assertThat(permissions(dir.resolve("node.key"))).isEqualTo("rw-------");
    assertThat(permissions(dir.resolve("node.crt"))).isEqualTo("rw-r--r--");
    assertThat(permissions(dir.resolve("client-issuer.crt"))).isEqualTo("rw-r--r--");
    assertThat(permissions(dir.resolve("client.crl"))).isEqualTo("rw-r--r--");
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("node.key", "node.crt", "client-issuer.crt", "client.crl");
    }
    // What was written is what serving loads.
    assertThat(
            TrustMaterial.forAgent(
                files.read(EnrolledFiles.KEY),
                files.read(EnrolledFiles.CERTIFICATE),
                files.read(EnrolledFiles.CLIENT_ISSUER),
                files.read(EnrolledFiles.CLIENT_CRL)))
        .isNotNull();
  }

  @Test
  void anotherClientIssuerIsRefusedAndNothingIsWritten() {
    panel.clientIssuer = Issuer.create("impostor", 1, TestPki.NOW.minusSeconds(60));
    Path dir = temp.resolve("fleetpanel-node");

    assertThatThrownBy(() -> enroller(new EnrolledFiles(dir)).enroll(panel.token.encode()))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("does not match the fingerprint in the token")
        .hasMessageContaining("nothing was written");
    assertThat(dir).doesNotExist();
  }

  @Test
  void usedOrExpiredTokenSaysSo() {
    panel.forcedStatus = 410;

    assertThatThrownBy(() -> enroller(new EnrolledFiles(temp)).enroll(panel.token.encode()))
        .hasMessageContaining("expired or was already used")
        .hasMessageContaining("create a new one on the panel");
  }

  @Test
  void wrongProofSaysSo() {
    EnrolmentToken forged =
        EnrolmentToken.issue(
            panel.token.panelUrl(), TestPki.CLIENT_ISSUER.fingerprint(), TestPki.NOW);

    assertThatThrownBy(() -> enroller(new EnrolledFiles(temp)).enroll(forged.encode()))
        .hasMessageContaining("the panel refused the token (wrong proof)");
  }

  @Test
  void unreachablePanelSaysWhere() throws Exception {
    URI url = panel.token.panelUrl();
    panel.close();

    assertThatThrownBy(() -> enroller(new EnrolledFiles(temp)).enroll(panel.token.encode()))
        .hasMessageContaining("cannot reach the panel at " + url + "api/nodes/enroll");
  }

  @Test
  void expiredTokenIsRefusedWithoutAsking() {
    Clock later = Clock.fixed(panel.token.expiresAt(), ZoneOffset.UTC);

    assertThatThrownBy(
            () ->
                new Enroller(HttpClient.newHttpClient(), later, new EnrolledFiles(temp))
                    .enroll(panel.token.encode()))
        .hasMessageContaining("expired at");
  }

  @Test
  void garbageTokenIsRefused() {
    assertThatThrownBy(() -> enroller(new EnrolledFiles(temp)).enroll("not-a-token"))
        .isInstanceOf(EnrolmentException.class)
        .hasMessageContaining("copy the command from the panel again");
  }

  @Test
  void plainHttpOnlyForLoopback() throws Exception {
    assertThat(Enroller.endpoint(URI.create("https://panel.example.net/")))
        .isEqualTo(URI.create("https://panel.example.net/api/nodes/enroll"));
    assertThat(Enroller.endpoint(URI.create("http://localhost:8080")))
        .isEqualTo(URI.create("http://localhost:8080/api/nodes/enroll"));
    assertThatThrownBy(() -> Enroller.endpoint(URI.create("http://panel.example.net/")))
        .hasMessageContaining("must use https");
  }

  private Enroller enroller(EnrolledFiles files) {
    return new Enroller(HttpClient.newHttpClient(), clock, files);
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static FakePanel newPanel() {
    try {
      return new FakePanel();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
