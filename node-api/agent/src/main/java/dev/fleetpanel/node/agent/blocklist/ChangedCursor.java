package dev.fleetpanel.node.agent.blocklist;

/**
 * What a list holds after an in-place change: present plus additions minus removals (an entry in
 * both additions and removals is removed), counting per family what is new and what goes. {@link
 * DeltaWalk} does the same at array speed for a large list on disk.
 */
final class ChangedCursor implements EntryCursor {

  private final MergeCursor plus;
  private final MergeCursor minus;
  private final long[] added = new long[2];
  private final long[] removed = new long[2];

  ChangedCursor(EntryCursor present, PackedList additions, PackedList removals) {
    this.plus = new MergeCursor(present, additions.cursor());
    this.minus = new MergeCursor(plus, removals.cursor());
  }

  @Override
  public boolean next() {
    while (minus.next()) {
      boolean wasPresent = minus.inLeft() && plus.inLeft();
      int family = minus.ipv6() ? 1 : 0;
      if (!minus.inRight()) {
        if (!wasPresent) {
          added[family]++;
        }
        return true;
      }
      if (wasPresent) {
        removed[family]++;
      }
    }
    return false;
  }

  long added() {
    return added[0] + added[1];
  }

  long added(boolean ipv6) {
    return added[ipv6 ? 1 : 0];
  }

  long removed() {
    return removed[0] + removed[1];
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
