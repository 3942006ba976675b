package io.gradesim.simulator.scenario;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.autoscale.AutoscaleSettings;
import io.gradesim.simulator.model.AdmissionPolicy;
import io.gradesim.simulator.warmpool.WarmPoolSettings;
import io.gradesim.traces.synth.DurationDistribution;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A resolved scenario: every key of {@code reference.conf} as a typed value. Durations are in
 * microseconds; 0 stands for "none" where the key allows it.
 *
 * @param name the scenario file's name without extension
 * @param description what question the scenario answers
 * @param runtime the container runtime the costs stand for (a label, or a profile row)
 * @param seed the random seed
 * @param agents number of agents
 * @param cores CPU cores per agent
 * @param slots grading slots per agent
 * @param memoryMb RAM per agent
 * @param environments the environments every agent serves ({@code type/id}, {@code type/*}, *)
 * @param costs container stage costs
 * @param admission the frontend's policy for a second pending submission
 * @param network one-way message delays
 * @param failures the agents' failure process
 * @param grading grading-time distributions for submissions without {@code grading_ms}
 * @param limits task limits for submissions without their own
 * @param prices prices for the cost figure
 * @param bucketS width of a {@code timeseries.csv} bucket in seconds
 * @param autoscale the autoscaling policy (off: a fixed pool of {@code agents})
 * @param warmPool pre-created containers per agent (off: every job creates its container)
 * @param closedLoop the exam's close and default think time, for {@code admission = closed-loop}
 * @param backgroundCores cores of each agent busy with other work (its machine's own load), sharing
 *     them with the grading and the container operations; 0 for none
 */
public record ScenarioSettings(
    String name,
    String description,
    String runtime,
    long seed,
    int agents,
    int cores,
    int slots,
    long memoryMb,
    List<String> environments,
    Costs costs,
    AdmissionPolicy admission,
    Network network,
    Failures failures,
    Grading grading,
    Limits limits,
    Prices prices,
    int bucketS,
    AutoscaleSettings autoscale,
    WarmPoolSettings warmPool,
    ClosedLoop closedLoop,
    double backgroundCores) {

  /** Copies the lists. */
  public ScenarioSettings {
    environments = List.copyOf(environments);
  }

  /** The same scenario with another seed. */
  public ScenarioSettings withSeed(long newSeed) {
    return new ScenarioSettings(
        name,
        description,
        runtime,
        newSeed,
        agents,
        cores,
        slots,
        memoryMb,
        environments,
        costs,
        admission,
        network,
        failures,
        grading,
        limits,
        prices,
        bucketS,
        autoscale,
        warmPool,
        closedLoop,
        backgroundCores);
  }

  /** The same scenario with the exam closing at {@code close}. */
  public ScenarioSettings withClose(Instant close) {
    return new ScenarioSettings(
        name,
        description,
        runtime,
        seed,
        agents,
        cores,
        slots,
        memoryMb,
        environments,
        costs,
        admission,
        network,
        failures,
        grading,
        limits,
        prices,
        bucketS,
        autoscale,
        warmPool,
        new ClosedLoop(close, closedLoop.thinkMicros()),
        backgroundCores);
  }

  /** The most agents the run can have at once (the autoscaler's maximum, else {@code agents}). */
  public int maxAgents() {
    return autoscale.enabled() ? Math.max(agents, autoscale.maxAgents()) : agents;
  }

  /** How container stage costs are given. */
  public enum CostKind {
    NONE,
    PROFILE,
    GIVEN
  }

  /** Container stage costs: none, from a calibration profile, or given per stage. */
  public record Costs(CostKind kind, Map<Stage, DurationDistribution> stages) {
    /** Copies the map. */
    public Costs {
      stages = Map.copyOf(stages);
    }
  }

  /** One-way delays in microseconds between frontend, backend and agents. */
  public record Network(
      long frontendToBackend, long backendToAgent, long agentToBackend, long backendToFrontend) {}

  /**
   * Each agent fails after an exponential time of mean {@code mtbfMicros} (0: never), is noticed by
   * the backend {@code detectionMicros} later (INGInious: after more than 5 missed 1-s pings) and
   * says hello again after a {@code repair} time.
   */
  public record Failures(long mtbfMicros, DurationDistribution repair, long detectionMicros) {
    /** Whether agents fail at all. */
    public boolean enabled() {
      return mtbfMicros > 0;
    }
  }

  /**
   * Grading-time distributions: per task, and a default (null when none); and the runtime of the
   * platform that recorded the trace (null when none), whose stage costs are taken out of grading
   * times estimated from the trace's completions.
   */
  public record Grading(
      DurationDistribution fallback,
      Map<String, DurationDistribution> tasks,
      String recordedRuntime) {
    /** Copies the map. */
    public Grading {
      tasks = Map.copyOf(tasks);
    }

    /** Grading times without a recorded runtime. */
    public Grading(DurationDistribution fallback, Map<String, DurationDistribution> tasks) {
      this(fallback, tasks, null);
    }
  }

  /**
   * Default task limits (0: none): CPU time, wall time (else {@code hard-factor} x CPU time, as
   * INGInious' {@code hard_time = 3 * time}) and memory.
   */
  public record Limits(long cpuMicros, long hardMicros, double hardFactor, long memoryMb) {}

  /**
   * The closed loop's exam: it closes at {@code close} (null: the trace's last arrival plus its
   * longest recorded feedback, resolved before the run) and a refused submission without an earlier
   * recorded one of its student on the task is sent again {@code thinkMicros} after the feedback.
   */
  public record ClosedLoop(Instant close, long thinkMicros) {}

  /** Prices for the run's cost: per core-hour and per agent-hour of the pool. */
  public record Prices(double coreHour, double agentHour) {}
}
