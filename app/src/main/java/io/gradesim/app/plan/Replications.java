package io.gradesim.app.plan;

import io.gradesim.app.sweep.Sweeps;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.SimulationSetup;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Replications of a run: the same trace and scenario with other seeds. Replication 0 keeps the
 * scenario's own seed (so one replication is today's run); replication {@code i > 0} takes the
 * {@code i}-th number of a {@link SplittableRandom} seeded with it. The engine splits its grading,
 * stage-cost and failure streams from the run's seed, so every replication draws all three anew.
 */
public final class Replications {
  private Replications() {}

  /** The seed of replication {@code i} of a scenario whose seed is {@code base}. */
  public static long seed(long base, int i) {
    if (i == 0) {
      return base;
    }
    SplittableRandom r = new SplittableRandom(base);
    long s = 0;
    for (int k = 0; k < i; k++) {
      s = r.nextLong();
    }
    return s;
  }

  /** The folder of replication {@code i > 0} of a run written to {@code dir}. */
  public static Path dir(Path dir, int i) {
    return dir.resolveSibling(dir.getFileName() + ".r" + i);
  }

  /**
   * Runs replications 1 to {@code count - 1} of each scenario (replication 0 is the sweep's own run
   * in {@code firstDirs}), beside it ({@link #dir}), with the sweep's {@code overrides}; returns,
   * per scenario, their folders; the runs go through {@code system}.
   */
  public static List<List<Path>> runFurther(
      ActorSystem<?> system,
      Path trace,
      Path calibration,
      List<Path> scenarios,
      List<String> overrides,
      List<Path> firstDirs,
      int count,
      int parallelism,
      ProgressBar.Factory bars)
      throws IOException {
    SimulationSetup.Scans scans = SimulationSetup.once(trace, Runtime.getRuntime().maxMemory() / 6);
    List<RunSpec> specs = new ArrayList<>();
    List<List<Path>> dirs = new ArrayList<>();
    for (int s = 0; s < scenarios.size(); s++) {
      Path file = scenarios.get(s);
      ScenarioSettings loaded = ScenarioLoader.load(file, overrides);
      List<Path> mine = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        Path dir = dir(firstDirs.get(s), i);
        long seed = seed(loaded.seed(), i);
        specs.add(
            SimulationSetup.prepare(
                    new SimulationSetup.Inputs(
                        trace, file, overrides, seed, calibration, loaded.name() + "#" + seed, dir),
                    scans,
                    List.of(),
                    null)
                .spec());
        mine.add(dir);
      }
      dirs.add(mine);
    }
    ProgressBar bar = bars.create("replicating " + scenarios.size() + " scenarios", specs.size());
    List<RunOutcome> outcomes = Sweeps.run(system, specs, parallelism);
    bar.set(specs.size());
    bar.finish();
    failIfAny(outcomes);
    return dirs;
  }

  /** Throws when a run failed, naming each failure. */
  static void failIfAny(List<RunOutcome> outcomes) {
    List<String> failed = new ArrayList<>();
    for (RunOutcome o : outcomes) {
      if (o instanceof RunOutcome.Failed f) {
        failed.add(f.label() + ": " + f.reason());
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException(
          failed.size() + " of " + outcomes.size() + " runs failed: " + String.join("; ", failed));
    }
  }
}
