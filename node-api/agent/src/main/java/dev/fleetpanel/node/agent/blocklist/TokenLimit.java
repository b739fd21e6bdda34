package dev.fleetpanel.node.agent.blocklist;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails a JSON body with a string or literal longer than {@link #MAX_TOKEN} bytes, before the
 * parser buffers it: the parser holds a whole token in memory, so one string of 50 MB (within the
 * body limit) would exhaust the agent's small heap. No field of a blocklist request comes near the
 * limit (an entry has at most 49 characters).
 */
final class TokenLimit extends FilterInputStream {

  static final int MAX_TOKEN = 64 * 1024;

  /** A token over the limit. */
  static final class TooLongException extends IOException {
    TooLongException() {
      super("a JSON string or value is longer than " + MAX_TOKEN + " bytes");
    }
  }

  private boolean inString;
  private boolean escaped;
  private int length;

  TokenLimit(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      see((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) throws IOException {
    int n = super.read(buffer, offset, count);
    for (int i = offset; i < offset + Math.max(n, 0); i++) {
      see(buffer[i]);
    }
    return n;
  }

  private void see(byte b) throws TooLongException {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
        length = 0;
        return;
      }
    } else if (b == '"') {
      inString = true;
      length = 0;
      return;
    } else if (b == ',' || b == ':' || b == '[' || b == ']' || b == '{' || b == '}' || b == ' '
        || b == '\n' || b == '\r' || b == '\t') {
      length = 0;
      return;
    }
    if (++length > MAX_TOKEN) {
      throw new TooLongException();
    }
  }
}
