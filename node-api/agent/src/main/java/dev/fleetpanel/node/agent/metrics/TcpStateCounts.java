package dev.fleetpanel.node.agent.metrics;

/**
 * Number of TCP sockets per state, from {@code /proc/net/tcp} and {@code tcp6}: a snapshot, not a
 * cumulative counter. {@code finWait} is FIN_WAIT1 plus FIN_WAIT2; {@code other} is CLOSE,
 * LAST_ACK, CLOSING and any code the kernel may add.
 */
public record TcpStateCounts(
    long established,
    long listen,
    long timeWait,
    long closeWait,
    long synSent,
    long synRecv,
    long finWait,
    long other) {

  public static final TcpStateCounts EMPTY = new TcpStateCounts(0, 0, 0, 0, 0, 0, 0, 0);

  public long total() {
    return established + listen + timeWait + closeWait + synSent + synRecv + finWait + other;
  }

  public TcpStateCounts plus(TcpStateCounts o) {
    return new TcpStateCounts(
        established + o.established,
        listen + o.listen,
        timeWait + o.timeWait,
        closeWait + o.closeWait,
        synSent + o.synSent,
        synRecv + o.synRecv,
        finWait + o.finWait,
        other + o.other);
  }
}
