package bench.fleet;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every path of a JSON document ({@code cpu.per_cpu_percent[]}, {@code disk.io.*.read_bytes}):
 * array elements are {@code []}, and the device names under {@code disk.io} are {@code *}, since
 * they are data rather than field names.
 */
final class JsonPaths {

  private JsonPaths() {}

  static Set<String> of(byte[] json) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      Set<String> paths = new TreeSet<>();
      collect(reader.readValue(), "", paths);
      return paths;
    }
  }

  static JsonObject object(byte[] json) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
      return reader.readObject();
    }
  }

  private static void collect(JsonValue value, String path, Set<String> paths) {
    if (!path.isEmpty()) {
      paths.add(path);
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, JsonValue> field : object.entrySet()) {
        String name = path.equals("disk.io") ? "*" : field.getKey();
        collect(field.getValue(), path.isEmpty() ? name : path + "." + name, paths);
      }
    } else if (value instanceof JsonArray array) {
      for (JsonValue element : array) {
        collect(element, path + "[]", paths);
      }
    }
  }
}
