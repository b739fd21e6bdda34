package bench.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which node gets which behaviour: exactly {@code round(n * percent / 100)} nodes per misbehaviour,
 * on node positions shuffled with the seed, so the same seed gives the same fleet on every run.
 */
final class BehaviourPlan {

  private BehaviourPlan() {}

  /**
   * @param percents share of the fleet per behaviour other than {@link Behaviour#NORMAL}, summing
   *     to 100 at most; the rest is normal
   */
  static List<Behaviour> assign(int nodes, Map<Behaviour, Double> percents, long seed) {
    double sum = percents.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum > 100 || percents.containsKey(Behaviour.NORMAL)) {
      throw new IllegalArgumentException("misbehaviour percentages must sum to 100 at most");
    }
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      positions.add(i);
    }
    Collections.shuffle(positions, new Random(seed));
    Behaviour[] plan = new Behaviour[nodes];
    Arrays.fill(plan, Behaviour.NORMAL);
    int next = 0;
    for (Map.Entry<Behaviour, Double> share : new EnumMap<>(percents).entrySet()) {
      long count = Math.min(nodes - next, Math.round(nodes * share.getValue() / 100));
      for (int k = 0; k < count; k++) {
        plan[positions.get(next++)] = share.getKey();
      }
    }
    return List.of(plan);
  }
}
