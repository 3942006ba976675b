package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Container operations as CPU work on the agent's cores, and stop charged with removal. */
class OpsOnSharedCoresTest {
  /** One agent of 1 core and 2 slots; two submissions at once, each grading 1 s. */
  static final String POOL = "cores = 1\nslots = 2\ncosts = profile\n";

  private static final class Costs implements StageCosts {
    final double opCpu;
    final boolean stop;
    final List<Integer> createOps = new ArrayList<>();

    Costs(double opCpu, boolean stop) {
      this.opCpu = opCpu;
      this.stop = stop;
    }

    @Override
    public long sampleMicros(Stage stage, int ops, RandomGenerator rng) {
      return switch (stage) {
        case CREATE -> {
          createOps.add(ops);
          yield 100_000L;
        }
        case STOP -> 30_000L;
        case REMOVE -> 20_000L;
        default -> 0L;
      };
    }

    @Override
    public double opCpuFraction() {
      return opCpu;
    }

    @Override
    public boolean chargesStop() {
      return stop;
    }
  }

  private static List<Long> feedbacks(Costs costs) {
    return feedbacks(costs, 0);
  }

  private static List<Long> feedbacks(Costs costs, long gapMs) {
    ScenarioSettings s = Scenarios.of(POOL);
    List<SimEvent> events = new ArrayList<>();
    new SimulationEngine(
            s,
            costs,
            new GradingTimes(Map.of(), null),
            SubmissionSource.of(WarmPoolEngineTest.spaced(2, gapMs, 1000).iterator()),
            new SimEvent.RunStarted(0, "t", 0, "", "", "", "", "{}", "", "", 1, "test"),
            events::add)
        .run();
    return WarmPoolEngineTest.feedbackMicros(events);
  }

  @Test
  void operationsThatAreWaitsRunBesideTheGrading() {
    Costs c = new Costs(0, false);
    // both creates wait 0.1 s side by side, then both grade at half speed on the one core: 2 s;
    // removal 20 ms
    assertThat(feedbacks(c)).containsOnly(2_120_000L);
    assertThat(c.createOps).containsExactly(1, 2);
  }

  @Test
  void operationsThatAreCpuWorkShareTheCoreAndAreDrawnAtTheConcurrencyItServes() {
    Costs c = new Costs(1, false);
    // the two creates are 0.1 s of CPU each on one core: both done at 0.2 s; removal is CPU too,
    // two at once: 40 ms
    assertThat(feedbacks(c)).containsOnly(2_240_000L);
    assertThat(c.createOps).containsExactly(1, 1);
  }

  @Test
  void anOperationUsingHalfACoreSlowsTheGradingByItsWeight() {
    // B arrives 0.2 s after A, while A grades. As waits: B's create ends at 0.3 s, A ends at
    // 1.9 s, B at 2.1 s, each removal 20 ms later: both see 1.92 s.
    assertThat(feedbacks(new Costs(0, false), 200)).containsOnly(1_920_000L);
    // Using half a core, B's create (50 ms of CPU) shares the core with A's grading at weights
    // 1/2 against 1: it ends at 0.35 s and A has lost 50 ms; A ends at 1.95 s, its removal (10 ms
    // of CPU at weight 1/2 beside B's grading) at 1.98 s; B ends at 2.16 s, removed at 2.18 s.
    assertThat(feedbacks(new Costs(0.5, false), 200))
        .allSatisfy(f -> assertThat(f).isBetween(1_979_995L, 1_980_005L));
  }

  @Test
  void removalChargesStopWhereTheCostsMeasuredIt() {
    assertThat(feedbacks(new Costs(0, true))).containsOnly(2_150_000L);
  }
}
