package dev.fleetpanel.panel.testing;

import dev.fleetpanel.panel.audit.Actor;
import dev.fleetpanel.panel.node.EnrolmentService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real agent jar, enrolled through the panel's own enrolment for a server and started on
 * 127.0.0.1 with the fixture tree as its machine; its blocklist off unless it is given a network
 * namespace of its own ({@link #blocklistIn}), so that it never touches the host's firewall. It can
 * be stopped and started again with what it kept.
 */
public final class RealAgent implements AutoCloseable {
  public static final Path ROOT = Path.of(System.getProperty("fleetpanel.root", ".."));
  public static final Path JAR = ROOT.resolve("node-api/agent/target/fleetpanel-node.jar");

  private final Path dir;
  private final int port;
  private String netns;
  private Process process;

  private RealAgent(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Enrols a node for {@code serverId}; the server must be at 127.0.0.1 on {@link #port()}. */
  public static RealAgent enrol(
      EnrolmentService enrolment, long serverId, Path dir, int port, Actor actor)
      throws IOException {
    EnrolledNode node = EnrolledNode.enrol(enrolment, serverId, actor);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("node.key"), node.keyPem());
    Files.writeString(dir.resolve("node.crt"), node.enrolled().certificate());
    Files.writeString(dir.resolve("client-issuer.crt"), node.enrolled().clientIssuer());
    Files.writeString(dir.resolve("client.crl"), node.enrolled().clientCrl());
    return new RealAgent(dir, port);
  }

  /** Runs the agent's firewall tools (ipset, iptables, conntrack) in this network namespace. */
  public RealAgent blocklistIn(String namespace) {
    this.netns = namespace;
    return this;
  }

  public int port() {
    return port;
  }

  public void start() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The blocklist benchmark passes the systemd unit's options.
    command.addAll(List.of(System.getProperty("fleetpanel.agent.javaOpts", "-Xmx32m").split(" +")));
    command.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("FLEETPANEL_NODE_DIR", dir.toString());
    env.put("FLEETPANEL_NODE_PORT", Integer.toString(port));
    env.put("FLEETPANEL_NODE_BIND", "127.0.0.1");
    env.put("FLEETPANEL_NODE_STATE_DIR", dir.resolve("state").toString());
    env.put("FLEETPANEL_NODE_CONFIG", dir.resolve("no-such.conf").toString());
    env.put(
        "FLEETPANEL_NODE_ROOT",
        ROOT.resolve("node-api/agent/src/test/resources/fixtures/root1").toString());
    if (netns == null) {
      env.put("FLEETPANEL_NODE_BLOCKLIST", "off");
    } else {
      env.put("FLEETPANEL_NODE_BLOCKLIST", "on");
      env.put("FLEETPANEL_NODE_NETNS", netns);
    }
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.log").toFile()));
    process = builder.start();
    waitForPort();
  }

  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  public String log() throws IOException {
    return Files.exists(dir.resolve("agent.log")) ? Files.readString(dir.resolve("agent.log")) : "";
  }

  private void waitForPort() throws IOException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the agent exited:\n" + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ie);
        }
      }
    }
    throw new IllegalStateException("the agent did not listen within 60 s:\n" + log());
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
