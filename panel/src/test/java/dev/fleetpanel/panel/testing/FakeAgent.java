package dev.fleetpanel.panel.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.SetVersion;
import dev.fleetpanel.node.trust.TrustMaterial;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * A node agent's blocklist for the panel's tests, over mutual TLS with the node's enrolled
 * certificate: {@code /api/ipset/status}, {@code sync} (full and delta, with the versions and the
 * 409 of the real agent, computed with the same contract), {@code list/temp}, {@code bulk-add} and
 * {@code bulk-remove} of temporary entries. It refuses the entries in {@link #refuses} as the real
 * agent refuses its own addresses, so its versions differ from the panel's content hash. It can go
 * down and come back on the same port.
 */
public final class FakeAgent implements AutoCloseable {

  /** A temporary entry added with its timeout. */
  public record Added(String direction, String ip, long timeout) {}

  private final SSLContext tls;
  private final int port;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, TreeSet<String>> sets = new ConcurrentHashMap<>();
  public final Set<String> refuses = ConcurrentHashMap.newKeySet();

  /** Every sync taken, as {@code "<list> full|delta|409"}. */
  public final List<String> syncs = new CopyOnWriteArrayList<>();

  public final List<Added> temporaryAdds = new CopyOnWriteArrayList<>();
  private HttpsServer server;

  public FakeAgent(SSLContext tls) throws IOException {
    this.tls = tls;
    this.server = start(0);
    this.port = server.getAddress().getPort();
  }

  public int port() {
    return port;
  }

  /** The node stops answering (connections are refused). */
  public synchronized void down() {
    server.stop(0);
  }

  /** The node answers again, on the same port, with what it held. */
  public synchronized void up() throws IOException {
    IOException last = null;
    for (int i = 0; i < 50; i++) {
      try {
        server = start(port);
        return;
      } catch (IOException e) {
        last = e;
        sleep(100);
      }
    }
    throw last;
  }

  /** What the node holds in a list ({@code in}, {@code out}, {@code in/temp}, {@code out/temp}). */
  public synchronized Set<String> list(String name) {
    return new TreeSet<>(sets.getOrDefault(name, new TreeSet<>()));
  }

  /** Changes a list behind the panel's back (someone on the node). */
  public synchronized void tamper(String name, String entry) {
    sets.computeIfAbsent(name, k -> new TreeSet<>()).add(entry);
  }

  private synchronized String version(String name) {
    return SetVersion.of(sets.getOrDefault(name, new TreeSet<>()));
  }

  private HttpsServer start(int onPort) throws IOException {
    HttpsServer s =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
    s.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            params.setSSLParameters(TrustMaterial.agentParameters(tls));
          }
        });
    s.createContext("/api/ipset/", this::handle);
    s.setExecutor(threads);
    s.start();
    return s;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getPath().substring("/api/ipset/".length());
      switch (path) {
        case "status" -> send(exchange, 200, status());
        case "list/temp" -> send(exchange, 200, listTemp(query(uri, "direction")));
        case "sync" -> sync(exchange, body(exchange));
        case "bulk-add" -> send(exchange, 200, bulk(body(exchange), true));
        case "bulk-remove" -> send(exchange, 200, bulk(body(exchange), false));
        default -> send(exchange, 404, "{\"error\":\"not found\"}");
      }
    }
  }

  private synchronized String status() {
    JsonObjectBuilder out = Json.createObjectBuilder();
    for (String d : List.of("in", "out")) {
      out.add(
          d.equals("in") ? "incoming" : "outgoing",
          Json.createObjectBuilder()
              .add("permanent_count", list(d).size())
              .add("permanent_version", version(d))
              .add("temp_count", list(d + "/temp").size())
              .add("temp_version", version(d + "/temp")));
    }
    return out.build().toString();
  }

  private synchronized String listTemp(String direction) {
    JsonArrayBuilder ips = Json.createArrayBuilder();
    list(direction + "/temp").forEach(ips::add);
    return Json.createObjectBuilder()
        .add("set_type", "temp")
        .add("direction", direction)
        .add("ips", ips)
        .build()
        .toString();
  }

  private synchronized void sync(HttpExchange exchange, JsonObject body) throws IOException {
    String name = body.getString("direction") + (body.getBoolean("permanent") ? "" : "/temp");
    TreeSet<String> set = sets.computeIfAbsent(name, k -> new TreeSet<>());
    List<String> refused = new ArrayList<>();
    int added = 0;
    int removed = 0;
    if (body.containsKey("base_version")) {
      if (!body.getString("base_version").equals(version(name))) {
        syncs.add(name + " 409");
        send(
            exchange,
            409,
            Json.createObjectBuilder()
                .add("error", "version_mismatch")
                .add("version", version(name))
                .build()
                .toString());
        return;
      }
      syncs.add(name + " delta");
      for (String ip : strings(body, "remove")) {
        removed += set.remove(canonical(ip)) ? 1 : 0;
      }
      for (String ip : strings(body, "add")) {
        added += take(set, canonical(ip), refused) ? 1 : 0;
      }
    } else {
      syncs.add(name + " full");
      TreeSet<String> next = new TreeSet<>();
      for (String ip : strings(body, "ips")) {
        take(next, canonical(ip), refused);
      }
      added = (int) next.stream().filter(e -> !set.contains(e)).count();
      removed = (int) set.stream().filter(e -> !next.contains(e)).count();
      set.clear();
      set.addAll(next);
    }
    JsonArrayBuilder refusedJson = Json.createArrayBuilder();
    refused.forEach(
        ip ->
            refusedJson.add(
                Json.createObjectBuilder().add("ip", ip).add("reason", "own_address: the node's")));
    send(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("success", true)
            .add("mode", body.containsKey("base_version") ? "delta" : "full")
            .add("version", version(name))
            .add("total", set.size())
            .add("added", added)
            .add("removed", removed)
            .add("refused", refusedJson)
            .add("refused_count", refused.size())
            .build()
            .toString());
  }

  private synchronized String bulk(JsonObject body, boolean add) {
    String direction = body.getString("direction");
    TreeSet<String> set = sets.computeIfAbsent(direction + "/temp", k -> new TreeSet<>());
    for (String ip : strings(body, "ips")) {
      if (add) {
        set.add(canonical(ip));
        temporaryAdds.add(
            new Added(direction, canonical(ip), body.getJsonNumber("timeout").longValue()));
      } else {
        set.remove(canonical(ip));
      }
    }
    return Json.createObjectBuilder()
        .add("success", true)
        .add("version", version(direction + "/temp"))
        .build()
        .toString();
  }

  private boolean take(Set<String> set, String entry, List<String> refused) {
    if (refuses.contains(entry)) {
      refused.add(entry);
      return false;
    }
    return set.add(entry);
  }

  private static String canonical(String ip) {
    return BlocklistEntry.parse(ip).canonical();
  }

  private static List<String> strings(JsonObject body, String name) {
    List<String> out = new ArrayList<>();
    if (body.get(name) instanceof jakarta.json.JsonArray array) {
      for (JsonValue v : array) {
        out.add(((JsonString) v).getString());
      }
    }
    return out;
  }

  private static JsonObject body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String query(URI uri, String name) {
    for (String pair : uri.getQuery() == null ? new String[0] : uri.getQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return "in";
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
