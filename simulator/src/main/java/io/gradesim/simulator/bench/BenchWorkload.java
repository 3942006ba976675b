package io.gradesim.simulator.bench;

import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.ScenarioStageCosts;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.util.List;

/**
 * The benchmark's run: a Poisson trace of {@code submissions} at load ~0.9 on {@code slots} slots
 * (agents of 8 cores and 8 slots), with the thesis' docker + runc stage costs and exponential
 * grading of mean 4 s. Every event goes to a counting listener.
 */
public final class BenchWorkload {
  static final double LOAD = 0.9;
  private final long submissions;
  private final String scenarioText;
  private final ScenarioSettings scenario;
  private final double ratePerS;

  /** The workload for {@code submissions} submissions on {@code slots} slots. */
  public BenchWorkload(long submissions, int slots) {
    if (slots % 8 != 0) {
      throw new IllegalArgumentException("--slots must be a multiple of 8 (agents of 8 slots)");
    }
    this.submissions = submissions;
    this.scenarioText =
        "agents = "
            + (slots / 8)
            + "\ncores = 8\nslots = 8\n"
            + "costs { create = 87ms, start = 570ms, exec = 384ms, remove = 20ms }\n"
            + "grading.default = \"exp:mean=4s\"\n";
    this.scenario = ScenarioLoader.parse(scenarioText, "bench", List.of());
    double service = 4e6 + new ScenarioStageCosts(scenario.costs().stages()).meanPerJobMicros();
    this.ratePerS = LOAD * slots / (service / 1e6);
  }

  /** The scenario simulated, as the text of a scenario file. */
  public String scenarioText() {
    return scenarioText;
  }

  /** The arrivals of one run with seed {@code seed} (no grading times: the scenario's apply). */
  public PoissonArrivals arrivals(long seed) {
    return new PoissonArrivals(submissions, ratePerS, seed, "bench");
  }

  /** The scenario simulated. */
  public ScenarioSettings scenario() {
    return scenario;
  }

  /** Runs once with seed {@code seed}; returns the events emitted. */
  public long run(long seed) {
    long[] count = new long[1];
    SimEventListener counter = e -> count[0]++;
    return run(seed, counter) == count[0] ? count[0] : -1;
  }

  /** Runs once with seed {@code seed}, sending every event to {@code out}; returns the events. */
  public long run(long seed, SimEventListener out) {
    SimulationEngine engine = engine(seed, out);
    engine.run();
    return engine.events();
  }

  /** A fresh engine for one run with seed {@code seed}, emitting to {@code out}. */
  public SimulationEngine engine(long seed, SimEventListener out) {
    ScenarioSettings s = scenario.withSeed(seed);
    SimEvent.RunStarted header =
        new SimEvent.RunStarted(
            0, "bench-" + seed, 0, "poisson", "", s.name(), "", "{}", "", "", seed, "bench");
    return new SimulationEngine(
        s,
        new ScenarioStageCosts(s.costs().stages()),
        new GradingTimes(s.grading().tasks(), s.grading().fallback()),
        arrivals(seed),
        header,
        out);
  }

  /** The number of submissions per run. */
  public long submissions() {
    return submissions;
  }
}
