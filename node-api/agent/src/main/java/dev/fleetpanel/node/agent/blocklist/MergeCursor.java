package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryOrder;

/**
 * The union of two cursors in canonical order, each entry once, telling for each whether it came
 * from the left, the right or both. While an entry is current, the cursor(s) it came from are
 * positioned on it too, so a {@code MergeCursor} on the left of another still answers for its own
 * sides. Used for the diffs: desired against present, present plus additions minus removals.
 */
final class MergeCursor implements EntryCursor {

  private final EntryCursor left;
  private final EntryCursor right;
  private boolean leftHas;
  private boolean rightHas;
  private boolean consumeLeft = true;
  private boolean consumeRight = true;
  private boolean inLeft;
  private boolean inRight;

  MergeCursor(EntryCursor left, EntryCursor right) {
    this.left = left;
    this.right = right;
  }

  @Override
  public boolean next() {
    if (consumeLeft) {
      leftHas = left.next();
    }
    if (consumeRight) {
      rightHas = right.next();
    }
    if (!leftHas && !rightHas) {
      inLeft = false;
      inRight = false;
      consumeLeft = false;
      consumeRight = false;
      return false;
    }
    int c;
    if (!leftHas) {
      c = 1;
    } else if (!rightHas) {
      c = -1;
    } else {
      c =
          EntryOrder.compare(
              left.ipv6(),
              left.hi(),
              left.lo(),
              left.prefix(),
              right.ipv6(),
              right.hi(),
              right.lo(),
              right.prefix());
    }
    inLeft = c <= 0;
    inRight = c >= 0;
    consumeLeft = inLeft;
    consumeRight = inRight;
    return true;
  }

  boolean inLeft() {
    return inLeft;
  }

  boolean inRight() {
    return inRight;
  }

  private EntryCursor current() {
    return inLeft ? left : right;
  }

  @Override
  public boolean ipv6() {
    return current().ipv6();
  }

  @Override
  public long hi() {
    return current().hi();
  }

  @Override
  public long lo() {
    return current().lo();
  }

  @Override
  public int prefix() {
    return current().prefix();
  }
}
