package bench.fleet;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Requests received per behaviour (a hanging node's requests count when they arrive, though they
 * are never answered), and how many nodes had each behaviour.
 */
final class RequestStats {

  private final Map<Behaviour, LongAdder> requests = new EnumMap<>(Behaviour.class);
  private final Map<Behaviour, Long> nodes = new EnumMap<>(Behaviour.class);

  RequestStats(List<SimNode> fleet) {
    for (Behaviour b : Behaviour.values()) {
      requests.put(b, new LongAdder());
      nodes.put(b, fleet.stream().filter(n -> n.behaviour() == b).count());
    }
  }

  void count(Behaviour behaviour) {
    requests.get(behaviour).increment();
  }

  long requests(Behaviour behaviour) {
    return requests.get(behaviour).sum();
  }

  /** How many nodes have each behaviour: {@code normal=485 slow=25 ...}. */
  String nodeMix() {
    return nodes.entrySet().stream()
        .map(e -> e.getKey().wire() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  /** One line for people and scripts: {@code requests normal=... reboot=... total=...}. */
  String summary(double seconds) {
    String each =
        requests.entrySet().stream()
            .map(e -> e.getKey().wire() + "=" + e.getValue().sum())
            .collect(Collectors.joining(" "));
    long total = requests.values().stream().mapToLong(LongAdder::sum).sum();
    return String.format("requests %s total=%d in %.0f s", each, total, seconds);
  }

  /** {@code {"seconds", "requests": {behaviour: n}, "nodes": {behaviour: n}}}. */
  void write(Path file, double seconds) throws IOException {
    JsonObjectBuilder perRequest = Json.createObjectBuilder();
    JsonObjectBuilder perNode = Json.createObjectBuilder();
    for (Behaviour b : Behaviour.values()) {
      perRequest.add(b.wire(), requests(b));
      perNode.add(b.wire(), nodes.get(b));
    }
    String json =
        Json.createObjectBuilder()
            .add("seconds", Math.round(seconds))
            .add("requests", perRequest)
            .add("nodes", perNode)
            .build()
            .toString();
    Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
  }
}
