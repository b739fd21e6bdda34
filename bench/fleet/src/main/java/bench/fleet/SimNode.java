package bench.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * One simulated node: its name, port and behaviour, the panel's id for it, the TLS context it
 * serves with (the agent's: node certificate, client certificate required from the panel's client
 * issuer) and the host it pretends to be.
 */
record SimNode(
    String serverId,
    String name,
    int port,
    Behaviour behaviour,
    SSLContext tls,
    NodeModel host,
    AtomicLong metricsRequests) {

  /**
   * A node whose host is drawn from {@code seed} and its position {@code index}, so the same seed
   * gives the same hosts.
   *
   * @param rebootEvery the reboot period, used only for {@link Behaviour#REBOOT}
   */
  static SimNode of(
      String serverId,
      String name,
      int port,
      Behaviour behaviour,
      SSLContext tls,
      long seed,
      int index,
      Instant now,
      Duration rebootEvery) {
    Random random = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
    HostProfile profile = HostProfile.draw(name, random);
    Duration reboot = behaviour == Behaviour.REBOOT ? rebootEvery : null;
    NodeModel host = new NodeModel(profile, random, now, reboot);
    return new SimNode(serverId, name, port, behaviour, tls, host, new AtomicLong());
  }
}
