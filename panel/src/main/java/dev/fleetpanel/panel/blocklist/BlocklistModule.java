package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.panel.audit.AuditService;
import dev.fleetpanel.panel.node.NodeClient;
import dev.fleetpanel.panel.platform.persistence.Tx;
import dev.fleetpanel.panel.server.ServerService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The blocklist's services, made together, as the panel and the tests that run it end to end use
 * them: a change of rules or lists makes the merged lists be computed again, then runs {@code
 * afterChange} (the node sync's wake-up); {@link #target} is what the node sync pushes.
 */
public record BlocklistModule(
    SourceService sources,
    BlocklistLists lists,
    BlocklistTarget target,
    RuleService rules,
    BlocklistSettings settings,
    BlocklistJobs jobs,
    NodeBlocklist node) {

  /** The lists and their downloaded copies live under {@code dataDir/blocklist}. */
  public static BlocklistModule create(
      Tx tx,
      AuditService audit,
      ServerService servers,
      NodeClient client,
      SourceFetcher fetcher,
      Path dataDir,
      Clock clock,
      Runnable afterChange) {
    AtomicReference<BlocklistLists> computed = new AtomicReference<>();
    Runnable changed =
        () -> {
          computed.get().invalidate();
          afterChange.run();
        };
    SourceService sources = new SourceService(tx, audit, fetcher, dataDir, clock, changed);
    BlocklistLists lists = new BlocklistLists(tx, sources, clock);
    computed.set(lists);
    Runnable temporaryChanged =
        () -> {
          computed.get().invalidateTemporary();
          afterChange.run();
        };
    RuleService rules = new RuleService(tx, servers, audit, clock, changed, temporaryChanged);
    BlocklistSettings settings = new BlocklistSettings(tx, audit);
    return new BlocklistModule(
        sources,
        lists,
        new BlocklistTarget(lists, client, new SentLists(dataDir), clock),
        rules,
        settings,
        new BlocklistJobs(rules, sources, settings),
        new NodeBlocklist(client));
  }
}
