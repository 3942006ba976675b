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
 * scenario JSON says which stages those are ({@link CostSetup#sources()}).
 */
public final class ProfileStageCosts implements StageCosts {
  private final boolean[] has = new boolean[Stage.values().length];
  private final StageCostSampler.Draw[] draws = new StageCostSampler.Draw[Stage.values().length];

  /** Costs of {@code runtime} from {@code sampler}, which must know the runtime. */
  public ProfileStageCosts(StageCostSampler sampler, String runtime) {
    for (Stage s : Stage.SIMULATED) {
      has[s.ordinal()] = sampler.has(runtime, s.label());
      if (has[s.ordinal()]) {
        draws[s.ordinal()] = sampler.draw(runtime, s.label(), null); // resolved once, not per draw
      }
    }
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
