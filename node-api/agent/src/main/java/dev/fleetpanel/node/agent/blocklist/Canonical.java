package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.EntryText;
import dev.fleetpanel.node.blocklist.SetVersion;

/** Canonical text and versions of cursors and packed lists. */
final class Canonical {

  private Canonical() {}

  /** The canonical text of the cursor's current entry, into {@code into} (cleared first). */
  static StringBuilder text(EntryCursor entry, StringBuilder into) {
    into.setLength(0);
    return entry.ipv6()
        ? EntryText.appendIpv6(into, entry.hi(), entry.lo(), entry.prefix())
        : EntryText.appendIpv4(into, entry.lo(), entry.prefix());
  }

  /**
   * Writes the canonical text of the cursor's current entry into {@code into} (at least {@link
   * EntryText#MAX_BYTES} long); its length.
   */
  static int bytes(EntryCursor entry, byte[] into) {
    return entry.ipv6()
        ? EntryText.writeIpv6(into, 0, entry.hi(), entry.lo(), entry.prefix())
        : EntryText.writeIpv4(into, 0, entry.lo(), entry.prefix());
  }

  /** Adds the cursor's current entry to {@code hasher}. */
  static void hash(SetVersion.Hasher hasher, EntryCursor entry) {
    if (entry.ipv6()) {
      hasher.addIpv6(entry.hi(), entry.lo(), entry.prefix());
    } else {
      hasher.addIpv4(entry.lo(), entry.prefix());
    }
  }

  static String version(PackedList list) {
    SetVersion.Hasher hasher = SetVersion.hasher();
    EntryCursor cursor = list.cursor();
    while (cursor.next()) {
      hash(hasher, cursor);
    }
    return hasher.finish();
  }
}
