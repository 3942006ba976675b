package io.gradesim.simulator.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The autoscaler's decisions: target tracking, bounds, cooldown, scale-in of idle agents. */
class AutoscalerTest {
  static final long S = 1_000_000L;

  static AutoscaleSettings settings(AutoscalePolicy p, double target) {
    return new AutoscaleSettings(p, target, 1, 6, 60 * S, 120 * S, 10 * S, 120 * S);
  }

  @Test
  void queueLengthWantsOneAgentPerTargetBacklog() {
    Autoscaler a = new Autoscaler(settings(AutoscalePolicy.QUEUE_LENGTH, 2));
    assertThat(a.evaluate(0, new Load(1, 7, 2, 0), 0)).isEqualTo(new Autoscaler.Decision(3, 0));
  }

  @Test
  void neverGrowsBeyondTheMaximum() {
    Autoscaler a = new Autoscaler(settings(AutoscalePolicy.QUEUE_LENGTH, 1));
    assertThat(a.evaluate(0, new Load(2, 100, 4, 0), 0).add()).isEqualTo(4);
  }

  @Test
  void takesNoActionWithinTheCooldown() {
    Autoscaler a = new Autoscaler(settings(AutoscalePolicy.QUEUE_LENGTH, 1));
    assertThat(a.evaluate(0, new Load(1, 3, 2, 0), 0).add()).isEqualTo(2);
    assertThat(a.evaluate(119 * S, new Load(3, 9, 6, 0), 0)).isEqualTo(Autoscaler.Decision.NONE);
    assertThat(a.evaluate(120 * S, new Load(3, 9, 6, 0), 0).add()).isEqualTo(3);
  }

  @Test
  void scalesInOnlyAsManyAgentsAsAreRemovableAndNotBelowTheMinimum() {
    Autoscaler a = new Autoscaler(settings(AutoscalePolicy.QUEUE_LENGTH, 1));
    assertThat(a.evaluate(0, new Load(5, 0, 3, 0), 0)).isEqualTo(Autoscaler.Decision.NONE);
    assertThat(a.evaluate(10 * S, new Load(5, 0, 3, 0), 2))
        .isEqualTo(new Autoscaler.Decision(0, 2));
    assertThat(a.evaluate(500 * S, new Load(3, 0, 0, 0), 3))
        .isEqualTo(new Autoscaler.Decision(0, 2));
  }

  @Test
  void recentWaitScalesInProportionToTheWaitOverItsTarget() {
    Autoscaler a = new Autoscaler(settings(AutoscalePolicy.RECENT_WAIT, 10 * S));
    assertThat(a.evaluate(0, new Load(2, 5, 4, 25 * S), 0).add()).isEqualTo(3);
    Autoscaler b = new Autoscaler(settings(AutoscalePolicy.RECENT_WAIT, 10 * S));
    assertThat(b.evaluate(0, new Load(2, 0, 4, 9 * S), 0)).isEqualTo(Autoscaler.Decision.NONE);
  }

  @Test
  void policiesParseByTheirScenarioNames() {
    assertThat(AutoscalePolicy.parse("queue-length")).isEqualTo(AutoscalePolicy.QUEUE_LENGTH);
    assertThat(AutoscalePolicy.parse("recent-wait")).isEqualTo(AutoscalePolicy.RECENT_WAIT);
    assertThat(AutoscalePolicy.parse("none")).isNull();
  }
}
