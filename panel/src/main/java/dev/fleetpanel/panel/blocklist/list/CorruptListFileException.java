package dev.fleetpanel.panel.blocklist.list;

import java.io.IOException;
import java.nio.file.Path;

/** A list file that is not one {@link NetworkList#writeTo} wrote, or was truncated or damaged. */
public final class CorruptListFileException extends IOException {

  private static final long serialVersionUID = 1L;

  CorruptListFileException(Path file, String detail) {
    super(file + ": not a usable network list file: " + detail);
  }
}
