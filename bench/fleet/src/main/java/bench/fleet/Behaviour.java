package bench.fleet;

import java.time.Duration;
import java.util.Locale;

/** How a simulated node answers the panel. */
enum Behaviour {
  /** Answers at once with a plausible document. */
  NORMAL(Duration.ofSeconds(30)),
  /** Answers after 1 to 2.5 s. */
  SLOW(Duration.ofSeconds(30)),
  /**
   * Completes the TCP and TLS handshakes, then never answers. Its connections stay open for ten
   * minutes, so the panel's own timeout is what ends the wait, as with a stuck agent.
   */
  HANGING(Duration.ofMinutes(10)),
  /** Nothing listens on its port: connection refused. */
  DEAD(Duration.ZERO),
  /** 200 with a body that is not the metrics document (HTML or the wrong JSON). */
  GARBAGE(Duration.ofSeconds(30)),
  /** Normal, but reboots periodically: counters restart from 0 and the boot id changes. */
  REBOOT(Duration.ofSeconds(30));

  /** Idle timeout of the node's connections: the agent's 30 s unless the behaviour needs more. */
  final Duration idleTimeout;

  Behaviour(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  /** The name used in options, summaries and files. */
  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
