package bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviourPlanTest {

  private static final Map<Behaviour, Double> PERCENTS =
      Map.of(
          Behaviour.HANGING, 5.0,
          Behaviour.DEAD, 2.0,
          Behaviour.SLOW, 5.0,
          Behaviour.GARBAGE, 1.0,
          Behaviour.REBOOT, 2.0);

  @Test
  void givesEachBehaviourItsShareOfTheFleet() {
    List<Behaviour> plan = BehaviourPlan.assign(500, PERCENTS, 42);

    assertThat(Collections.frequency(plan, Behaviour.HANGING)).isEqualTo(25);
    assertThat(Collections.frequency(plan, Behaviour.DEAD)).isEqualTo(10);
    assertThat(Collections.frequency(plan, Behaviour.SLOW)).isEqualTo(25);
    assertThat(Collections.frequency(plan, Behaviour.GARBAGE)).isEqualTo(5);
    assertThat(Collections.frequency(plan, Behaviour.REBOOT)).isEqualTo(10);
    assertThat(Collections.frequency(plan, Behaviour.NORMAL)).isEqualTo(425);
  }

  @Test
  void theSameSeedGivesTheSameFleetAndAnotherSeedAnother() {
    assertThat(BehaviourPlan.assign(500, PERCENTS, 42))
        .isEqualTo(BehaviourPlan.assign(500, PERCENTS, 42))
        .isNotEqualTo(BehaviourPlan.assign(500, PERCENTS, 43));
  }

  @Test
  void refusesShareOverAHundredPercent() {
    assertThatThrownBy(
            () -> BehaviourPlan.assign(10, Map.of(Behaviour.DEAD, 60.0, Behaviour.SLOW, 50.0), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
