package dev.fleetpanel.node.agent.blocklist;

/**
 * The desired side of a diff of desired (left) against present (right), counting on the way what is
 * new and what goes.
 */
final class DesiredCursor implements EntryCursor {

  private final MergeCursor diff;
  private long added;
  private long removed;

  DesiredCursor(EntryCursor desired, EntryCursor present) {
    this.diff = new MergeCursor(desired, present);
  }

  @Override
  public boolean next() {
    while (diff.next()) {
      if (diff.inLeft()) {
        if (!diff.inRight()) {
          added++;
        }
        return true;
      }
      removed++;
    }
    return false;
  }

  /** Walks to the end, only counting. */
  DesiredCursor drain() {
    while (next()) {
      // The counters are what is wanted.
    }
    return this;
  }

  long added() {
    return added;
  }

  long removed() {
    return removed;
  }

  @Override
  public boolean ipv6() {
    return diff.ipv6();
  }

  @Override
  public long hi() {
    return diff.hi();
  }

  @Override
  public long lo() {
    return diff.lo();
  }

  @Override
  public int prefix() {
    return diff.prefix();
  }
}
