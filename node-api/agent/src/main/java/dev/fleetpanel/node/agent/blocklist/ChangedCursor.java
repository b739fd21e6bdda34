package dev.fleetpanel.node.agent.blocklist;

/**
 * What a list holds after an in-place change: present plus additions minus removals (an entry in
 * both additions and removals is removed), counting per family what is new, what goes, and what
 * goes before the additions ({@link InPlaceChange}), so that the fullest moment is known.
 */
final class ChangedCursor implements EntryCursor {

  private final MergeCursor plus;
  private final MergeCursor minus;
  private final PackedList additions;
  private final long[] added = new long[2];
  private final long[] removed = new long[2];
  private final long[] removedFirst = new long[2];

  ChangedCursor(EntryCursor present, PackedList additions, PackedList removals) {
    this.additions = additions;
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
        if (!InPlaceChange.overlapsAddition(additions, minus)) {
          removedFirst[family]++;
        }
      }
    }
    return false;
  }

  long added() {
    return added[0] + added[1];
  }

  long removed() {
    return removed[0] + removed[1];
  }

  /** The most entries the family's set holds during the change, from {@code before}. */
  long peak(boolean ipv6, long before) {
    int family = ipv6 ? 1 : 0;
    return before - removedFirst[family] + added[family];
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
