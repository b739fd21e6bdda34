package dev.fleetpanel.panel.dashboard;

import dev.fleetpanel.panel.dashboard.DashboardQuery.Sort;
import dev.fleetpanel.panel.dashboard.ServerCard.Attention;
import dev.fleetpanel.panel.dashboard.ServerCard.State;
import dev.fleetpanel.panel.metrics.FleetState;
import dev.fleetpanel.panel.metrics.NodeFacts;
import dev.fleetpanel.panel.metrics.NodeStatus;
import dev.fleetpanel.panel.server.Server;
import dev.fleetpanel.panel.server.ServerService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Builds the dashboard from the servers and the collector's in-memory state: one card per server,
 * grouped by folder, filtered and sorted within each folder, and the fleet summary. Reads only
 * memory and the server list, so a refresh of 500 cards costs one query.
 */
public final class DashboardService {

  private final ServerService servers;
  private final FleetState fleet;
  private final DashboardSettings settings;
  private final Clock clock;

  public DashboardService(
      ServerService servers, FleetState fleet, DashboardSettings settings, Clock clock) {
    this.servers = servers;
    this.fleet = fleet;
    this.settings = settings;
    this.clock = clock;
  }

  public Fleet fleet(DashboardQuery query) {
    Instant now = clock.instant();
    DashboardSettings.Thresholds limits = settings.thresholds();
    List<ServerService.Group> overview = servers.overview();
    List<Fleet.Group> groups = new ArrayList<>();
    List<ServerCard> all = new ArrayList<>();
    for (ServerService.Group g : overview) {
      String folder = g.folder() == null ? null : g.folder().name();
      List<ServerCard> shown = new ArrayList<>();
      for (Server server : g.servers()) {
        ServerCard card = card(server, fleet.status(server.id()), limits, now);
        all.add(card);
        if (query.matches(server.name(), server.address(), folder)) {
          shown.add(card);
        }
      }
      shown.sort(order(query.sort()));
      if (query.search().isEmpty() || !shown.isEmpty()) {
        groups.add(
            new Fleet.Group(
                g.folder() == null ? null : g.folder().id(), folder, List.copyOf(shown)));
      }
    }
    return new Fleet(now, query, summary(all), List.copyOf(groups));
  }

  static ServerCard card(
      Server server, NodeStatus status, DashboardSettings.Thresholds limits, Instant now) {
    State state = state(server, status);
    Figures figures = state == State.ONLINE ? Figures.of(status, now) : Figures.NONE;
    NodeFacts facts = status.facts();
    List<Attention> attention = new ArrayList<>();
    if (state == State.OFFLINE) {
      attention.add(Attention.OFFLINE);
    }
    if (state == State.ONLINE) {
      atLeast(attention, Attention.CPU, figures.cpu(), limits.cpuPercent());
      atLeast(attention, Attention.RAM, figures.ramPercent(), limits.ramPercent());
      atLeast(attention, Attention.DISK, figures.diskPercent(), limits.diskPercent());
    }
    if (state != State.DISABLED && facts.sslExpiry() != null) {
      if (!facts.sslExpiry().isAfter(now)) {
        attention.add(Attention.SSL_EXPIRED);
      } else if (Duration.between(now, facts.sslExpiry()).toDays() < limits.sslDays()) {
        attention.add(Attention.SSL_EXPIRING);
      }
    }
    return new ServerCard(
        server,
        state,
        status,
        figures,
        facts.sslDomain(),
        facts.sslExpiry(),
        List.copyOf(attention));
  }

  private static State state(Server server, NodeStatus status) {
    if (!server.active()) {
      return State.DISABLED;
    }
    return switch (status.state()) {
      case ONLINE -> State.ONLINE;
      case OFFLINE -> State.OFFLINE;
      case UNKNOWN -> State.UNKNOWN;
    };
  }

  private static void atLeast(List<Attention> out, Attention why, double value, int limit) {
    if (!Double.isNaN(value) && value >= limit) {
      out.add(why);
    }
  }

  /**
   * The order within a folder; ties (and servers without the figure, which go last) keep the saved
   * order, as the folder's list arrives in it.
   */
  static Comparator<ServerCard> order(Sort sort) {
    return switch (sort) {
      case MANUAL -> (a, b) -> 0;
      case NAME -> Comparator.comparing(c -> c.server().name(), String.CASE_INSENSITIVE_ORDER);
      case CPU -> highestFirst(c -> c.figures().cpu());
      case RAM -> highestFirst(c -> c.figures().ramPercent());
      case TRAFFIC -> highestFirst(c -> c.figures().traffic());
      case STATUS -> Comparator.comparingInt(c -> statusRank(c.state()));
    };
  }

  private static Comparator<ServerCard> highestFirst(ToDoubleFunction<ServerCard> figure) {
    return (a, b) -> {
      double x = figure.applyAsDouble(a);
      double y = figure.applyAsDouble(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
      }
      return Double.compare(y, x);
    };
  }

  private static int statusRank(State state) {
    return switch (state) {
      case OFFLINE -> 0;
      case UNKNOWN -> 1;
      case ONLINE -> 2;
      case DISABLED -> 3;
    };
  }

  private static Fleet.Summary summary(List<ServerCard> cards) {
    int[] counts = new int[State.values().length];
    double down = 0;
    double up = 0;
    List<ServerCard> attention = new ArrayList<>();
    for (ServerCard card : cards) {
      counts[card.state().ordinal()]++;
      down += zeroIfNaN(card.figures().down());
      up += zeroIfNaN(card.figures().up());
      if (card.needsAttention()) {
        attention.add(card);
      }
    }
    return new Fleet.Summary(
        counts[State.ONLINE.ordinal()],
        counts[State.OFFLINE.ordinal()],
        counts[State.UNKNOWN.ordinal()],
        counts[State.DISABLED.ordinal()],
        down,
        up,
        List.copyOf(attention));
  }

  private static double zeroIfNaN(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
