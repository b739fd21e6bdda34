package bench.ipset;

import dev.fleetpanel.node.trust.CsrFactory;
import dev.fleetpanel.node.trust.Issuer;
import dev.fleetpanel.node.trust.NodeKeyRequest;
import dev.fleetpanel.node.trust.Pem;
import dev.fleetpanel.node.trust.TrustMaterial;
import dev.fleetpanel.node.trust.Validity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The files enrolment leaves on a node, made for one run by in-memory issuers as the panel makes
 * them, and the panel's matching client context.
 */
final class Enrolment {

  private final Issuer nodes;
  private final Issuer clients;
  private final Validity validity;
  private final Instant start = Instant.now().minusSeconds(60);

  Enrolment() {
    nodes = Issuer.create("ipset bench nodes", 1, start);
    clients = Issuer.create("ipset bench panel", 1, start);
    validity = Validity.starting(start, Duration.ofDays(1));
  }

  /** node.key (0600), node.crt for 127.0.0.1, client-issuer.crt, client.crl into {@code dir}. */
  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    NodeKeyRequest request = CsrFactory.create();
    Map<String, String> files =
        Map.of(
            "node.key",
            Pem.privateKey(request.privateKey()),
            "node.crt",
            Pem.certificate(
                nodes.issueNodeCertificate(request.csrDer(), "bench", "127.0.0.1", validity)),
            "client-issuer.crt",
            clients.certificatePem(),
            "client.crl",
            Pem.crl(clients.issueCrl(List.of(), start, start.plusSeconds(86_400))));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.writeString(path, file.getValue());
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }

  SSLContext panel() {
    return TrustMaterial.forPanel(
        clients.issueClientCertificate("fleetpanel", validity), nodes.certificate());
  }
}
