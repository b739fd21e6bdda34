package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.Direction;
import dev.fleetpanel.node.blocklist.ListKind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a blocklist request body with JSON-P's streaming parser, whatever its size: entries go
 * straight into {@link EntryCollector}s (checked, packed), so a list of a million is never a JSON
 * tree nor a million strings. A gzip body ({@code Content-Encoding: gzip}) is inflated as it is
 * read; the body and what it inflates to are both limited to {@link BlocklistApi#maxBodyBytes}, and
 * no single string or value may be longer than {@link TokenLimit#MAX_TOKEN}. Unknown fields are
 * skipped. Any error is a {@link BlocklistException} before anything changes.
 */
public final class BlocklistRequestReader {

  private final RefusalPolicy policy;
  private final int maxEntries;
  private final Path scratch;
  private final long maxBytes;

  BlocklistRequestReader(RefusalPolicy policy, int maxEntries, Path scratch) {
    this.policy = policy;
    this.maxEntries = maxEntries;
    this.scratch = scratch;
    this.maxBytes = BlocklistApi.maxBodyBytes(maxEntries);
  }

  public BlocklistRequest read(InputStream body, String encoding, RequestShape shape)
      throws BlocklistException {
    Fields fields = new Fields(shape);
    try (InputStream in = decoded(body, encoding);
        JsonParser parser = Json.createParser(in)) {
      fields.read(parser);
    } catch (JsonParsingException e) {
      throw BlocklistException.malformed("malformed JSON: " + e.getMessage());
    } catch (JsonException | IOException e) {
      Throwable cause = e instanceof JsonException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof LimitedInputStream.TooLargeException
          || cause instanceof TokenLimit.TooLongException) {
        throw BlocklistException.tooLarge(cause.getMessage());
      }
      throw BlocklistException.malformed("unreadable body: " + cause.getMessage());
    } catch (TooManyEntriesException e) {
      throw BlocklistException.tooLarge(e.getMessage());
    }
    return fields.request();
  }

  private InputStream decoded(InputStream body, String encoding)
      throws IOException, BlocklistException {
    InputStream wire = new LimitedInputStream(body, maxBytes);
    String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    InputStream decoded =
        switch (name) {
          case "", "identity" -> wire;
          case "gzip", "x-gzip" ->
              new LimitedInputStream(new GZIPInputStream(wire, 1 << 16), maxBytes);
          default -> throw BlocklistException.unsupportedEncoding(encoding);
        };
    return new TokenLimit(decoded);
  }

  /** The fields as they are read, checked against the shape at the end. */
  private final class Fields {
    private final RequestShape shape;
    private final Map<String, Object> scalars = new HashMap<>();
    private final Map<String, EntryBatch> arrays = new HashMap<>();

    Fields(RequestShape shape) {
      this.shape = shape;
    }

    void read(JsonParser parser) throws BlocklistException {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw BlocklistException.malformed("the body must be a JSON object");
      }
      while (parser.next() == JsonParser.Event.KEY_NAME) {
        String key = parser.getString();
        JsonParser.Event value = parser.next();
        switch (key) {
          case BlocklistApi.IPS, BlocklistApi.ADD, BlocklistApi.REMOVE -> array(parser, key, value);
          case BlocklistApi.DIRECTION, BlocklistApi.BASE_VERSION -> string(parser, key, value);
          case BlocklistApi.IP -> single(parser, value);
          case BlocklistApi.PERMANENT -> flag(key, value);
          case BlocklistApi.TIMEOUT -> number(parser, key, value);
          default -> skip(parser, value);
        }
      }
      if (parser.hasNext()) {
        throw BlocklistException.malformed("content after the JSON object");
      }
    }

    private void array(JsonParser parser, String key, JsonParser.Event value)
        throws BlocklistException {
      if (value != JsonParser.Event.START_ARRAY) {
        throw BlocklistException.invalid(key + " must be an array of strings");
      }
      if (arrays.containsKey(key)) {
        throw BlocklistException.invalid(key + " is given twice");
      }
      boolean blocking = !key.equals(BlocklistApi.REMOVE) && shape != RequestShape.BULK_REMOVE;
      EntryCollector collector = new EntryCollector(maxEntries, blocking ? policy : null, scratch);
      for (JsonParser.Event element; (element = parser.next()) != JsonParser.Event.END_ARRAY; ) {
        if (element != JsonParser.Event.VALUE_STRING) {
          throw BlocklistException.invalid(key + " must be an array of strings");
        }
        collector.offer(parser.getString());
      }
      arrays.put(key, collector.finish());
    }

    private void single(JsonParser parser, JsonParser.Event value) throws BlocklistException {
      if (value != JsonParser.Event.VALUE_STRING) {
        throw BlocklistException.invalid("ip must be a string");
      }
      EntryCollector collector =
          new EntryCollector(1, shape == RequestShape.REMOVE ? null : policy, null);
      collector.offer(parser.getString());
      arrays.put(BlocklistApi.IP, collector.finish());
    }

    private void string(JsonParser parser, String key, JsonParser.Event value)
        throws BlocklistException {
      if (value != JsonParser.Event.VALUE_STRING) {
        throw BlocklistException.invalid(key + " must be a string");
      }
      scalars.put(key, parser.getString());
    }

    private void flag(String key, JsonParser.Event value) throws BlocklistException {
      if (value != JsonParser.Event.VALUE_TRUE && value != JsonParser.Event.VALUE_FALSE) {
        throw BlocklistException.invalid(key + " must be true or false");
      }
      scalars.put(key, value == JsonParser.Event.VALUE_TRUE);
    }

    private void number(JsonParser parser, String key, JsonParser.Event value)
        throws BlocklistException {
      if (value != JsonParser.Event.VALUE_NUMBER || !parser.isIntegralNumber()) {
        throw BlocklistException.invalid(key + " must be a whole number of seconds");
      }
      java.math.BigDecimal number = parser.getBigDecimal();
      if (number.signum() <= 0
          || number.compareTo(java.math.BigDecimal.valueOf(BlocklistApi.MAX_TIMEOUT)) > 0) {
        throw BlocklistException.invalid(
            key + " must be 1-" + BlocklistApi.MAX_TIMEOUT + " seconds");
      }
      scalars.put(key, number.intValueExact());
    }

    private void skip(JsonParser parser, JsonParser.Event value) {
      if (value == JsonParser.Event.START_ARRAY) {
        parser.skipArray();
      } else if (value == JsonParser.Event.START_OBJECT) {
        parser.skipObject();
      }
    }

    BlocklistRequest request() throws BlocklistException {
      Direction direction;
      try {
        direction = Direction.parse((String) scalars.getOrDefault(BlocklistApi.DIRECTION, "in"));
      } catch (IllegalArgumentException e) {
        throw BlocklistException.invalid(e.getMessage());
      }
      ListKind list = ListKind.of((Boolean) scalars.getOrDefault(BlocklistApi.PERMANENT, true));
      int timeout = (Integer) scalars.getOrDefault(BlocklistApi.TIMEOUT, 0);
      String baseVersion = (String) scalars.get(BlocklistApi.BASE_VERSION);
      return switch (shape) {
        case ADD, REMOVE -> {
          EntryBatch ip = required(BlocklistApi.IP);
          if (ip.invalidCount() > 0) {
            throw BlocklistException.invalid(
                "ip: '" + ip.invalid().get(0) + "' is not an IP address or network");
          }
          if (ip.refusedCount() > 0) {
            throw BlocklistException.invalid(
                "refused " + ip.refused().get(0).ip() + ": " + ip.refused().get(0).reason());
          }
          yield new BlocklistRequest(shape, direction, list, timeout, null, ip, null, null);
        }
        case BULK_ADD, BULK_REMOVE ->
            new BlocklistRequest(
                shape, direction, list, timeout, null, required(BlocklistApi.IPS), null, null);
        case TIMEOUT -> {
          if (timeout == 0) {
            throw BlocklistException.invalid("timeout is required");
          }
          yield new BlocklistRequest(shape, direction, list, timeout, null, null, null, null);
        }
        case SYNC -> sync(direction, list, timeout, baseVersion);
      };
    }

    private BlocklistRequest sync(
        Direction direction, ListKind list, int timeout, String baseVersion)
        throws BlocklistException {
      boolean full = arrays.containsKey(BlocklistApi.IPS);
      boolean delta =
          baseVersion != null
              || arrays.containsKey(BlocklistApi.ADD)
              || arrays.containsKey(BlocklistApi.REMOVE);
      if (full == delta) {
        throw BlocklistException.invalid(
            "send either ips (the whole list) or base_version with add and/or remove (a change)");
      }
      if (full) {
        return new BlocklistRequest(
            RequestShape.SYNC,
            direction,
            list,
            timeout,
            null,
            arrays.get(BlocklistApi.IPS),
            null,
            null);
      }
      if (baseVersion == null) {
        throw BlocklistException.invalid(
            "a change (add, remove) needs the base_version it applies to");
      }
      return new BlocklistRequest(
          RequestShape.SYNC,
          direction,
          list,
          timeout,
          baseVersion,
          null,
          arrays.getOrDefault(BlocklistApi.ADD, EntryBatch.EMPTY),
          arrays.getOrDefault(BlocklistApi.REMOVE, EntryBatch.EMPTY));
    }

    private EntryBatch required(String key) throws BlocklistException {
      EntryBatch batch = arrays.get(key);
      if (batch == null) {
        throw BlocklistException.invalid(key + " is required");
      }
      return batch;
    }
  }
}
