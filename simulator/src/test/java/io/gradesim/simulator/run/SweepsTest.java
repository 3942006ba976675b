package io.gradesim.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.event.SimEventListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepsTest {

  private static RunSpec run(String label, long seed, long failAfterEvents) {
    return new RunSpec(label, () -> {
      long[] seen = new long[1];
      SimEventListener out = e -> {
        if (++seen[0] == failAfterEvents) {
          throw new IllegalArgumentException("bad input in " + label);
        }
      };
      SimulationEngine engine = new BenchWorkload(20_000, 16).engine(seed, out);
      return new RunTask() {
        @Override
        public boolean advance(long maxEvents) {
          return engine.advance(Math.min(maxEvents, 10_000));
        }

        @Override
        public RunOutcome.Completed finish() {
          return new RunOutcome.Completed(label, engine.events(), engine.arrivals(), 0, "");
        }

        @Override
        public void close() {}
      };
    });
  }

  @Test
  void aFailingRunIsReportedAndTheOthersGoOn() {
    List<RunOutcome> outcomes = Sweeps.run(List.of(run("a", 1, -1), run("broken", 2, 50_000),
        run("c", 3, -1)), 2);
    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isInstanceOf(RunOutcome.Completed.class);
    assertThat(outcomes.get(1)).isInstanceOfSatisfying(RunOutcome.Failed.class,
        f -> assertThat(f.reason()).isEqualTo("bad input in broken"));
    assertThat(outcomes.get(2)).isInstanceOfSatisfying(RunOutcome.Completed.class,
        c -> assertThat(c.submissions()).isEqualTo(20_000));
  }

  @Test
  void parallelRunsGiveTheSameResultsAsSequentialOnes() {
    List<RunSpec> specs = List.of(run("x", 7, -1), run("y", 8, -1), run("z", 9, -1));
    List<Long> sequential = Sweeps.run(specs, 1).stream()
        .map(o -> ((RunOutcome.Completed) o).events()).toList();
    List<Long> parallel = Sweeps.run(specs, 3).stream()
        .map(o -> ((RunOutcome.Completed) o).events()).toList();
    assertThat(parallel).isEqualTo(sequential);
  }
}
