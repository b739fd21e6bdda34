package dev.fleetpanel.node.agent.blocklist;

import java.io.Closeable;
import java.io.IOException;

/**
 * A list's entries as they were when asked for, to be written out after the lock is released: the
 * permanent list's file (already open, so a later replacement does not change what is read) or the
 * temporary list's entries read from the kernel.
 */
public final class ListContent implements Closeable {

  /** Receives each entry's canonical text. */
  @FunctionalInterface
  public interface EntryWriter {
    void entry(CharSequence canonical) throws IOException;
  }

  private final String version;
  private final long count;
  private final EntryCursor entries;
  private final Closeable resource;

  private ListContent(String version, long count, EntryCursor entries, Closeable resource) {
    this.version = version;
    this.count = count;
    this.entries = entries;
    this.resource = resource;
  }

  static ListContent of(String version, long count, TextCursor file) {
    return file == null
        ? of(version, count, PackedList.EMPTY)
        : new ListContent(version, count, file, file);
  }

  static ListContent of(String version, long count, PackedList list) {
    return new ListContent(version, count, list.cursor(), null);
  }

  public String version() {
    return version;
  }

  public long count() {
    return count;
  }

  public void writeEach(EntryWriter writer) throws IOException {
    StringBuilder text = new StringBuilder();
    while (entries.next()) {
      writer.entry(Canonical.text(entries, text));
    }
  }

  @Override
  public void close() throws IOException {
    if (resource != null) {
      resource.close();
    }
  }
}
