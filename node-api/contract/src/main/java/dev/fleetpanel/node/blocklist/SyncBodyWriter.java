package dev.fleetpanel.node.blocklist;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the bodies of {@code POST /api/ipset/sync} as a stream, so that a list of a million
 * entries never becomes a JSON tree or one large string on the panel. Wrap {@code out} in a {@link
 * java.util.zip.GZIPOutputStream} and send {@code Content-Encoding: gzip} for a large list. The
 * stream is flushed, not closed.
 *
 * <ul>
 *   <li>Full form (the list is replaced): {@code {"direction","permanent","ips":[...]}}.
 *   <li>Delta (changed in place, only if the node's version is {@code base_version}, else 409
 *       {@code {"error":"version_mismatch","version"}}): {@code {"direction","permanent",
 *       "base_version","add":[...],"remove":[...]}}.
 * </ul>
 */
public final class SyncBodyWriter {

  private SyncBodyWriter() {}

  public static void writeFull(
      OutputStream out, Direction direction, ListKind list, Iterable<String> ips)
      throws IOException {
    Writer writer = open(out, direction, list);
    array(writer, BlocklistApi.IPS, ips);
    close(writer);
  }

  public static void writeDelta(
      OutputStream out,
      Direction direction,
      ListKind list,
      String baseVersion,
      Iterable<String> add,
      Iterable<String> remove)
      throws IOException {
    Writer writer = open(out, direction, list);
    writer.write("\"" + BlocklistApi.BASE_VERSION + "\":");
    string(writer, baseVersion);
    writer.write(',');
    array(writer, BlocklistApi.ADD, add);
    writer.write(',');
    array(writer, BlocklistApi.REMOVE, remove);
    close(writer);
  }

  private static Writer open(OutputStream out, Direction direction, ListKind list)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
    writer.write("{\"" + BlocklistApi.DIRECTION + "\":\"" + direction.wire() + "\",");
    writer.write("\"" + BlocklistApi.PERMANENT + "\":" + (list == ListKind.PERMANENT) + ",");
    return writer;
  }

  private static void array(Writer writer, String name, Iterable<String> values)
      throws IOException {
    writer.write("\"" + name + "\":[");
    boolean first = true;
    for (String value : values) {
      if (!first) {
        writer.write(',');
      }
      first = false;
      string(writer, value);
    }
    writer.write(']');
  }

  private static void close(Writer writer) throws IOException {
    writer.write('}');
    writer.flush();
  }

  /** A JSON string: quotes, backslashes and control characters escaped. */
  private static void string(Writer writer, String value) throws IOException {
    writer.write('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        writer.write('\\');
        writer.write(c);
      } else if (c < 0x20) {
        writer.write(String.format("\\u%04x", (int) c));
      } else {
        writer.write(c);
      }
    }
    writer.write('"');
  }
}
