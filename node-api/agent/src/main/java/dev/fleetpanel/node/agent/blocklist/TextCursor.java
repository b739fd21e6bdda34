package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryOrder;
import dev.fleetpanel.node.blocklist.EntryParser;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The entries of a list file, one canonical entry per line in canonical order, read as they are
 * needed. A line that is not an entry, or out of order, means the file was damaged or edited:
 * {@link CorruptListException}.
 */
final class TextCursor implements EntryCursor, Closeable {

  private final BufferedReader reader;
  private final String name;
  private final EntryParser parser = new EntryParser();
  private boolean started;
  private long line;

  TextCursor(BufferedReader reader, String name) {
    this.reader = reader;
    this.name = name;
  }

  @Override
  public boolean next() {
    String text;
    try {
      text = reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
    if (text == null) {
      return false;
    }
    line++;
    boolean hadPrevious = started;
    boolean ipv6 = parser.ipv6();
    long hi = parser.hi();
    long lo = parser.lo();
    int prefix = parser.prefix();
    if (!parser.parse(text)) {
      throw new CorruptListException(name + " line " + line + ": " + parser.error());
    }
    if (hadPrevious
        && EntryOrder.compare(
                ipv6, hi, lo, prefix, parser.ipv6(), parser.hi(), parser.lo(), parser.prefix())
            >= 0) {
      throw new CorruptListException(name + " line " + line + ": out of order or repeated");
    }
    started = true;
    return true;
  }

  @Override
  public boolean ipv6() {
    return parser.ipv6();
  }

  @Override
  public long hi() {
    return parser.hi();
  }

  @Override
  public long lo() {
    return parser.lo();
  }

  @Override
  public int prefix() {
    return parser.prefix();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
