package dev.fleetpanel.node.agent.api;

import jakarta.json.stream.JsonGenerator;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A {@link JsonGenerator} that takes null for "unknown": every value method writes JSON {@code
 * null} for a null, empty or non-finite value. A null name writes an array element or the root.
 */
final class JsonWriting {

  private final JsonGenerator g;

  JsonWriting(JsonGenerator g) {
    this.g = g;
  }

  void startObject(String name) {
    if (name == null) {
      g.writeStartObject();
    } else {
      g.writeStartObject(name);
    }
  }

  void startArray(String name) {
    if (name == null) {
      g.writeStartArray();
    } else {
      g.writeStartArray(name);
    }
  }

  void end() {
    g.writeEnd();
  }

  void nullValue(String name) {
    if (name == null) {
      g.writeNull();
    } else {
      g.writeNull(name);
    }
  }

  void string(String name, String value) {
    if (value == null) {
      nullValue(name);
    } else if (name == null) {
      g.write(value);
    } else {
      g.write(name, value);
    }
  }

  void string(String name, Optional<String> value) {
    string(name, value.orElse(null));
  }

  void number(String name, Double value) {
    if (value == null || !Double.isFinite(value)) {
      nullValue(name);
    } else if (name == null) {
      g.write(value);
    } else {
      g.write(name, value);
    }
  }

  void number(String name, OptionalDouble value) {
    number(name, value.isPresent() ? value.getAsDouble() : null);
  }

  void number(String name, Long value) {
    if (value == null) {
      nullValue(name);
    } else if (name == null) {
      g.write(value);
    } else {
      g.write(name, value);
    }
  }

  void number(String name, Integer value) {
    number(name, value == null ? null : value.longValue());
  }

  void number(String name, OptionalInt value) {
    number(name, value.isPresent() ? (long) value.getAsInt() : null);
  }

  /** A kernel counter held as an unsigned 64-bit value in a {@code long}. */
  void unsigned(String name, long value) {
    if (value >= 0) {
      number(name, value);
    } else {
      g.write(name, new BigInteger(Long.toUnsignedString(value)));
    }
  }

  void bool(String name, boolean value) {
    g.write(name, value);
  }
}
