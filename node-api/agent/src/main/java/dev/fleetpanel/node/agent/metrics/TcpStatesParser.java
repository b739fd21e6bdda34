package dev.fleetpanel.node.agent.metrics;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts sockets per state in {@code /proc/net/tcp} or {@code tcp6} without making a String per
 * line: it scans bytes, finds the 4th whitespace-separated column and reads its two hex digits (01
 * ESTABLISHED, 02 SYN_SENT, 03 SYN_RECV, 04/05 FIN_WAIT1/2, 06 TIME_WAIT, 08 CLOSE_WAIT, 0A LISTEN,
 * anything else other). Built for hosts with 100k sockets.
 *
 * <p>A socket line is one whose first column ends with {@code :} (the slot number), whose 4th
 * column is exactly two hex digits, whose 2nd column (the local address:port) holds a {@code :} and
 * which has at least {@value #MIN_FIELDS} columns (up to the inode). Anything else is skipped: the
 * header (recognised by content, not position), garbage, and a truncated last line that stops
 * before its inode. {@code /proc} files report size 0, so the stream is read to EOF.
 */
public final class TcpStatesParser {

  /** Columns of a socket line up to the inode: sl, local, remote, st, queues, timer, ... inode. */
  static final int MIN_FIELDS = 10;

  private static final int STATE_FIELD = 4;
  private static final int BUFFER_SIZE = 64 * 1024;

  private TcpStatesParser() {}

  public static TcpStateCounts parse(byte[] data) {
    return parse(data, 0, data.length);
  }

  public static TcpStateCounts parse(byte[] data, int offset, int length) {
    Scanner scanner = new Scanner();
    scanner.feed(data, offset, offset + length);
    return scanner.finish();
  }

  /** Reads the stream to EOF; does not close it. */
  public static TcpStateCounts parse(InputStream in) throws IOException {
    Scanner scanner = new Scanner();
    byte[] buffer = new byte[BUFFER_SIZE];
    int n;
    while ((n = in.read(buffer)) != -1) {
      scanner.feed(buffer, 0, n);
    }
    return scanner.finish();
  }

  /** Line state carried across buffer boundaries. */
  private static final class Scanner {
    private final long[] byState = new long[256];
    private int field;
    private boolean inField;
    private boolean skip;
    private byte last;
    private boolean colonInField;
    private int state;
    private int digits;

    void feed(byte[] data, int from, int to) {
      for (int i = from; i < to; i++) {
        if (skip) {
          while (i < to && data[i] != '\n') {
            i++;
          }
          if (i == to) {
            return;
          }
        }
        byte b = data[i];
        if (b == '\n') {
          endLine();
        } else if (b == ' ' || b == '\t' || b == '\r') {
          if (inField) {
            endField();
          }
        } else {
          if (!inField) {
            startField();
          }
          if (field == STATE_FIELD) {
            stateDigit(b);
          } else if (b == ':') {
            colonInField = true;
          }
          last = b;
        }
      }
    }

    private void startField() {
      inField = true;
      colonInField = false;
      field++;
      if (field == MIN_FIELDS) {
        byState[state]++;
        skip = true;
      }
    }

    private void endField() {
      inField = false;
      skip =
          (field == 1 && last != ':')
              || (field == 2 && !colonInField)
              || (field == STATE_FIELD && digits != 2);
    }

    private void stateDigit(byte b) {
      int v = hex(b);
      if (v < 0 || ++digits > 2) {
        skip = true;
        return;
      }
      state = (state << 4) | v;
    }

    private void endLine() {
      field = 0;
      inField = false;
      skip = false;
      state = 0;
      digits = 0;
    }

    TcpStateCounts finish() {
      endLine();
      long[] s = byState;
      long total = 0;
      for (long count : s) {
        total += count;
      }
      long finWait = s[0x04] + s[0x05];
      long known = s[0x01] + s[0x02] + s[0x03] + finWait + s[0x06] + s[0x08] + s[0x0A];
      return new TcpStateCounts(
          s[0x01], s[0x0A], s[0x06], s[0x08], s[0x02], s[0x03], finWait, total - known);
    }

    private static int hex(byte b) {
      if (b >= '0' && b <= '9') {
        return b - '0';
      }
      if (b >= 'A' && b <= 'F') {
        return b - 'A' + 10;
      }
      if (b >= 'a' && b <= 'f') {
        return b - 'a' + 10;
      }
      return -1;
    }
  }
}
