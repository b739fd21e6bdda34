package dev.fleetpanel.node.agent.blocklist;

import java.io.IOException;

/**
 * A list's entries as they were when asked for, to be written out after the lock is released: the
 * permanent list's mapped file (a later replacement maps a new file and leaves this one readable)
 * or the temporary list's entries read from the kernel.
 */
public final class ListContent {

  /** Receives each entry's canonical text. */
  @FunctionalInterface
  public interface EntryWriter {
    void entry(CharSequence canonical) throws IOException;
  }

  private final String version;
  private final long count;
  private final PackedList entries;

  ListContent(String version, long count, PackedList entries) {
    this.version = version;
    this.count = count;
    this.entries = entries;
  }

  public String version() {
    return version;
  }

  public long count() {
    return count;
  }

  public void writeEach(EntryWriter writer) throws IOException {
    StringBuilder text = new StringBuilder();
    EntryCursor entry = entries.cursor();
    while (entry.next()) {
      writer.entry(Canonical.text(entry, text));
    }
  }
}
