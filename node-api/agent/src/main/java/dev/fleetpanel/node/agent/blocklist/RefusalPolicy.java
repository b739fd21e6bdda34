package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistEntry;
import dev.fleetpanel.node.blocklist.EntryParser;
import dev.fleetpanel.node.blocklist.Refusal;
import dev.fleetpanel.node.net.NonPublicRanges;
import java.util.List;
import java.util.Optional;

/**
 * Which entries the agent refuses to block, each with its reason: any that is in, contains or
 * overlaps a non-public range ({@link NonPublicRanges}), covers one of the node's own addresses, or
 * overlaps the panel's address (the peer of the request and the configured panel addresses), in
 * either direction: a node must never cut itself off from itself or from its panel.
 */
final class RefusalPolicy {

  /** Refuses only non-public entries (for tests of other rules and restores from disk). */
  static final RefusalPolicy NON_PUBLIC_ONLY = new RefusalPolicy(List.of(), List.of());

  private final List<BlocklistEntry> ownAddresses;
  private final List<BlocklistEntry> panelNetworks;

  RefusalPolicy(List<BlocklistEntry> ownAddresses, List<BlocklistEntry> panelNetworks) {
    this.ownAddresses = List.copyOf(ownAddresses);
    this.panelNetworks = List.copyOf(panelNetworks);
  }

  /** Why the entry {@code parsed} holds (read from {@code text}) must not be blocked, or null. */
  Refusal check(EntryParser parsed, String text) {
    Optional<String> range =
        parsed.ipv6()
            ? NonPublicRanges.overlapIpv6(parsed.hi(), parsed.lo(), parsed.prefix())
            : NonPublicRanges.overlapIpv4(parsed.lo(), parsed.prefix());
    if (range.isPresent()) {
      return Refusal.of(text, Refusal.NON_PUBLIC, "overlaps " + range.get());
    }
    if (ownAddresses.isEmpty() && panelNetworks.isEmpty()) {
      return null;
    }
    BlocklistEntry entry = BlocklistEntry.of(parsed);
    for (BlocklistEntry panel : panelNetworks) {
      if (entry.overlaps(panel)) {
        return Refusal.of(
            text, Refusal.PANEL_ADDRESS, "overlaps " + panel + ", the panel's address");
      }
    }
    for (BlocklistEntry own : ownAddresses) {
      if (entry.overlaps(own)) {
        return Refusal.of(text, Refusal.OWN_ADDRESS, "covers " + own + ", an address of this node");
      }
    }
    return null;
  }
}
