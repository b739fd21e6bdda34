package dev.fleetpanel.node.agent.blocklist;

/**
 * What a list holds after an in-place change: present plus additions minus removals (an entry in
 * both additions and removals is removed), counting what is new and what goes.
 */
final class ChangedCursor implements EntryCursor {

  private final MergeCursor plus;
  private final MergeCursor minus;
  private long added;
  private long removed;

  ChangedCursor(EntryCursor present, EntryCursor additions, EntryCursor removals) {
    this.plus = new MergeCursor(present, additions);
    this.minus = new MergeCursor(plus, removals);
  }

  @Override
  public boolean next() {
    while (minus.next()) {
      boolean wasPresent = minus.inLeft() && plus.inLeft();
      if (!minus.inRight()) {
        if (!wasPresent) {
          added++;
        }
        return true;
      }
      if (wasPresent) {
        removed++;
      }
    }
    return false;
  }

  long added() {
    return added;
  }

  long removed() {
    return removed;
  }

  @Override
  public boolean ipv6() {
    return minus.ipv6();
  }

  @Override
  public long hi() {
    return minus.hi();
  }

  @Override
  public long lo() {
    return minus.lo();
  }

  @Override
  public int prefix() {
    return minus.prefix();
  }
}
