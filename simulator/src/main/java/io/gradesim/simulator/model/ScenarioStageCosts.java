package io.gradesim.simulator.model;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.traces.synth.DurationDistribution;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Stage costs written in a scenario ({@code costs = { create = 20ms, start = 150ms }}): one
 * duration or distribution per stage, independent of concurrency. A stage not given costs zero.
 */
public final class ScenarioStageCosts implements StageCosts {
  private final DurationDistribution[] byStage = new DurationDistribution[Stage.values().length];
  private final Map<Stage, DurationDistribution> given;

  /** Costs from a map of stage to distribution. */
  public ScenarioStageCosts(Map<Stage, DurationDistribution> costs) {
    this.given = new EnumMap<>(Stage.class);
    this.given.putAll(costs);
    for (Map.Entry<Stage, DurationDistribution> e : costs.entrySet()) {
      byStage[e.getKey().ordinal()] = e.getValue();
    }
  }

  @Override
  public long sampleMicros(Stage stage, int concurrentOps, RandomGenerator rng) {
    DurationDistribution d = byStage[stage.ordinal()];
    return d == null ? 0L : d.sampleMicros(rng);
  }

  /** The distributions per stage, as given. */
  public Map<Stage, DurationDistribution> given() {
    return Map.copyOf(given);
  }

  /** The mean cost of one job's stages in microseconds (create + start + exec + remove). */
  public double meanPerJobMicros() {
    double sum = 0;
    for (DurationDistribution d : byStage) {
      sum += d == null ? 0 : d.meanMicros();
    }
    return sum;
  }
}
