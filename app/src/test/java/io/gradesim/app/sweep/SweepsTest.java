package io.gradesim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.RunTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SweepsTest {
  private final GradesimSystem actors = new GradesimSystem();

  @AfterEach
  void terminate() {
    actors.close();
  }

  private static RunSpec run(String label, long seed, long failAfterEvents) {
    return new RunSpec(
        label,
        () -> {
          long[] seen = new long[1];
          SimEventListener out =
              e -> {
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
    List<RunOutcome> outcomes =
        Sweeps.run(
            actors.get(), List.of(run("a", 1, -1), run("broken", 2, 50_000), run("c", 3, -1)), 2);
    assertThat(outcomes).hasSize(3);
    assertThat(outcomes.get(0)).isInstanceOf(RunOutcome.Completed.class);
    assertThat(outcomes.get(1))
        .isInstanceOfSatisfying(
            RunOutcome.Failed.class, f -> assertThat(f.reason()).isEqualTo("bad input in broken"));
    assertThat(outcomes.get(2))
        .isInstanceOfSatisfying(
            RunOutcome.Completed.class, c -> assertThat(c.submissions()).isEqualTo(20_000));
  }

  /** A run that counts how many runs are open at once and may throw {@code failure}. */
  private static RunSpec counted(
      String label, AtomicInteger open, AtomicInteger peak, Error failure) {
    return new RunSpec(
        label,
        () -> {
          peak.accumulateAndGet(open.incrementAndGet(), Math::max);
          return new RunTask() {
            int slices;

            @Override
            public boolean advance(long maxEvents) {
              if (failure != null && slices == 2) {
                throw failure;
              }
              // A run ends only once the sweep had two open at a time (or after very many slices,
              // and then the peak assertion fails): the test does not hang on the scheduler's luck.
              ++slices;
              return slices >= 4 && (peak.get() >= 2 || slices > 1_000_000);
            }

            @Override
            public RunOutcome.Completed finish() {
              return new RunOutcome.Completed(label, slices, 0, 0, "");
            }

            @Override
            public void close() {
              open.decrementAndGet();
            }
          };
        });
  }

  @Test
  void atMostParallelismRunsAreOpenAtOnce() {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<RunSpec> specs = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      specs.add(counted("r" + i, open, peak, null));
    }
    List<RunOutcome> outcomes = Sweeps.run(actors.get(), specs, 2);
    assertThat(outcomes).hasSize(7).allMatch(o -> o instanceof RunOutcome.Completed);
    assertThat(peak.get()).isEqualTo(2);
    assertThat(open.get()).isZero();
  }

  @Test
  void anOutOfMemoryErrorStopsTheSweepClosesEveryRunAndIsRethrown() {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space (test)");
    List<RunSpec> specs =
        List.of(
            counted("a", open, peak, null),
            counted("b", open, peak, oom),
            counted("c", open, peak, null),
            counted("d", open, peak, null));
    assertThatThrownBy(() -> Sweeps.run(actors.get(), specs, 2)).isSameAs(oom);
    assertThat(open.get()).isZero();
  }

  @Test
  void parallelRunsGiveTheSameResultsAsSequentialOnes() {
    List<RunSpec> specs = List.of(run("x", 7, -1), run("y", 8, -1), run("z", 9, -1));
    List<Long> sequential =
        Sweeps.run(actors.get(), specs, 1).stream()
            .map(o -> ((RunOutcome.Completed) o).events())
            .toList();
    List<Long> parallel =
        Sweeps.run(actors.get(), specs, 3).stream()
            .map(o -> ((RunOutcome.Completed) o).events())
            .toList();
    assertThat(parallel).isEqualTo(sequential);
  }
}
