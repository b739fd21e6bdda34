package dev.fleetpanel.panel.blocklist;

import dev.fleetpanel.panel.audit.Actor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The blocklist's background work, on one thread: every 30 s the temporary rules that expired are
 * dropped; every minute the lists due for their automatic refresh are downloaded (the first time a
 * minute after the panel starts, as the seed does). A failure is logged and the job goes on.
 */
public final class BlocklistJobs implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(BlocklistJobs.class.getName());
  static final Actor SYSTEM = Actor.system();

  private final RuleService rules;
  private final SourceService sources;
  private final BlocklistSettings settings;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fleetpanel-blocklist");
            t.setDaemon(true);
            return t;
          });

  public BlocklistJobs(RuleService rules, SourceService sources, BlocklistSettings settings) {
    this.rules = rules;
    this.sources = sources;
    this.settings = settings;
  }

  public void start() {
    timer.scheduleWithFixedDelay(
        () -> guard("expiry", rules::dropExpired), 30, 30, TimeUnit.SECONDS);
    timer.scheduleWithFixedDelay(
        () ->
            guard(
                "list refresh",
                () -> {
                  if (settings.autoUpdate()) {
                    sources.refreshDue(settings.updateEvery(), SYSTEM);
                  }
                }),
        60,
        60,
        TimeUnit.SECONDS);
  }

  private static void guard(String what, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException | Error e) {
      // An Error too (a million-entry list may run out of memory): a scheduled task that throws is
      // never run again.
      LOG.log(
          Level.WARNING, "Blocklist " + what + " failed, tried again later: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
