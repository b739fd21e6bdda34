package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The default lifetime of temporary entries ({@code PUT /api/ipset/timeout}), kept in {@code
 * settings.properties} as {@code temp_timeout=<seconds>} so that it survives a restart.
 */
final class TemporaryTimeout {

  private static final String KEY = "temp_timeout";

  private final Path file;
  private int seconds = BlocklistApi.DEFAULT_TEMP_TIMEOUT;

  TemporaryTimeout(Path file) {
    this.file = file;
  }

  int get() {
    return seconds;
  }

  void load() throws IOException {
    Optional<BufferedReader> reader = StateDir.open(file);
    if (reader.isEmpty()) {
      return;
    }
    Properties properties = new Properties();
    try (BufferedReader in = reader.get()) {
      properties.load(in);
    }
    String value = properties.getProperty(KEY, "");
    if (value.matches("\\d{1,7}")) {
      int stored = Integer.parseInt(value);
      if (stored >= 1 && stored <= BlocklistApi.MAX_TIMEOUT) {
        seconds = stored;
      }
    }
  }

  void set(int value) throws IOException {
    try (StateDir.Replacement next = StateDir.replace(file)) {
      next.writer().write(KEY + "=" + value + "\n");
      next.commit();
    }
    seconds = value;
  }
}
