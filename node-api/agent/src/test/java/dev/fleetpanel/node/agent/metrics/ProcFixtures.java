package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the test fixtures under {@code src/test/resources/fixtures}. */
final class ProcFixtures {
  private ProcFixtures() {}

  static Path path(String name) {
    try {
      return Path.of(ProcFixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
