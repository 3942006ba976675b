package io.gradesim.simulator.costs;

import io.gradesim.calibration.model.StageCostSampler;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.model.StageCosts;
import java.util.random.RandomGenerator;

/**
 * Stage costs drawn from a calibration profile for one runtime: {@link
 * StageCostSampler#sampleMicros} at the agent's container operations in progress (this one
 * included, what the probes call concurrency). A stage the profile lacks for the runtime (a
 * literature figure that folds create into start, or no published remove time) costs 0; the run's
 * scenario JSON says which stages those are ({@link CostSetup#sources()}). Where the profile
 * measured the CPU share of the runtime's operations ({@code op_cpu}), {@link #opCpuFraction()}
 * gives it to the engine.
 */
public final class ProfileStageCosts implements StageCosts {
  /**
   * The stages charged: the simulated ones and {@code stop}, which the removal stage adds where the
   * profile measured it (the probes stop a container before they remove it).
   */
  public static final java.util.List<Stage> CHARGED =
      java.util.List.of(Stage.CREATE, Stage.START, Stage.EXEC, Stage.STOP, Stage.REMOVE);

  private final boolean[] has = new boolean[Stage.values().length];
  private final StageCostSampler.Draw[] draws = new StageCostSampler.Draw[Stage.values().length];
  private final double opCpu;

  /** Costs of {@code runtime} from {@code sampler}, which must know the runtime. */
  public ProfileStageCosts(StageCostSampler sampler, String runtime) {
    for (Stage s : CHARGED) {
      has[s.ordinal()] = sampler.has(runtime, s.label());
      if (has[s.ordinal()]) {
        draws[s.ordinal()] = sampler.draw(runtime, s.label(), null); // resolved once, not per draw
      }
    }
    this.opCpu = sampler.opCpuFraction(runtime);
  }

  @Override
  public double opCpuFraction() {
    return opCpu;
  }

  @Override
  public boolean chargesStop() {
    return has[Stage.STOP.ordinal()];
  }

  @Override
  public long sampleMicros(Stage stage, int concurrentOps, RandomGenerator rng) {
    if (!has[stage.ordinal()]) {
      return 0L;
    }
    return draws[stage.ordinal()].sampleMicros(concurrentOps, rng);
  }

  /** Whether the profile has a cost for {@code stage}. */
  public boolean has(Stage stage) {
    return has[stage.ordinal()];
  }
}
