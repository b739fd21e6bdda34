package dev.fleetpanel.node.agent.blocklist;

import dev.fleetpanel.node.blocklist.BlocklistApi;
import dev.fleetpanel.node.blocklist.BlocklistEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * The blocklist's settings.
 *
 * @param stateDir the agent's state directory; the lists live in its {@code blocklist/}
 * @param panelAddresses addresses or networks of the panel, never blocked (besides the address each
 *     request comes from)
 * @param maxEntries entries per kernel set ({@code maxelem}), and per list
 */
public record BlocklistConfig(Path stateDir, List<BlocklistEntry> panelAddresses, int maxEntries) {

  public BlocklistConfig {
    panelAddresses = List.copyOf(panelAddresses);
    if (maxEntries < 1 || maxEntries > BlocklistApi.MAX_ENTRIES) {
      throw new IllegalArgumentException("maxEntries must be 1-" + BlocklistApi.MAX_ENTRIES);
    }
  }

  public static BlocklistConfig of(Path stateDir, List<BlocklistEntry> panelAddresses) {
    return new BlocklistConfig(stateDir, panelAddresses, BlocklistApi.MAX_ENTRIES);
  }
}
