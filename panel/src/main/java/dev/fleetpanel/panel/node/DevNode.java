package dev.fleetpanel.panel.node;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.platform.errors.NotFoundException;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerForm;
import dev.fleetpanel.panel.server.ServerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Under {@code bin/fleetpanel dev} only: the local agent appears as "this server" (127.0.0.1), and
 * while it has no certificate the panel leaves an enrolment token in {@code
 * $FLEETPANEL_DATA/dev-node-token} (owner-only) for the launcher to enrol it with.
 */
public final class DevNode {
  public static final String NAME = "this server";
  public static final String TOKEN_FILE = "dev-node-token";

  private DevNode() {}

  public static void prepare(
      ServerService servers,
      EnrolmentService enrolment,
      URI panelUrl,
      int agentPort,
      Path dataDir) {
    Actor system = Actor.system();
    Server server =
        servers.list().stream()
            .filter(s -> s.name().equals(NAME))
            .findFirst()
            .orElseGet(
                () ->
                    servers.create(
                        new ServerForm(
                            NAME, "127.0.0.1", agentPort, null, "the dev command's local agent"),
                        system));
    Path file = dataDir.resolve(TOKEN_FILE);
    try {
      Files.createDirectories(dataDir);
      Files.deleteIfExists(file);
      boolean enrolled =
          enrolment.certificates(server.id()).stream().anyMatch(c -> c.revokedAt() == null);
      if (!enrolled) {
        String token = enrolment.issueToken(server.id(), panelUrl, system).token();
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NotFoundException e) {
      throw new IllegalStateException("the dev server vanished while starting", e);
    }
  }
}
