package io.gradesim.simulator.engine;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.Submission;
import java.time.Instant;

/** The scenario's constants as the engine's hot path reads them: delays, limits, result names. */
final class EngineWiring {
  static final String SUCCESS = "success";
  static final String CRASH = "crash";
  static final String TIMEOUT = "timeout";
  static final String MCQ_PREFIX = "mcq/";

  final long frontendToBackend;
  final long backendToAgent;
  final long agentToBackend;
  final long backendToFrontend;
  final long detection;
  final boolean hasExec;
  private final ScenarioSettings.Limits limits;

  EngineWiring(ScenarioSettings s) {
    ScenarioSettings.Network net = s.network();
    this.frontendToBackend = net.frontendToBackend();
    this.backendToAgent = net.backendToAgent();
    this.agentToBackend = net.agentToBackend();
    this.backendToFrontend = net.backendToFrontend();
    this.detection = s.failures().detectionMicros();
    this.hasExec = s.costs().kind() != ScenarioSettings.CostKind.NONE;
    this.limits = s.limits();
  }

  /** Sets the job's limits: the trace's own, else the scenario's (Long.MAX_VALUE: none). */
  void limits(Submission s, JobTable jobs, int job) {
    long cpu = s.cpuLimitS() != null ? Math.round(s.cpuLimitS() * 1e6) : limits.cpuMicros();
    long hard;
    if (s.hardLimitS() != null) {
      hard = Math.round(s.hardLimitS() * 1e6);
    } else if (limits.hardMicros() > 0) {
      hard = limits.hardMicros();
    } else if (cpu > 0) {
      hard = Math.round(cpu * limits.hardFactor());
    } else {
      hard = 0;
    }
    long mem = s.memoryMb() != null ? s.memoryMb() : limits.memoryMb();
    jobs.setLimits(job, cpu > 0 ? cpu : Long.MAX_VALUE, hard > 0 ? hard : Long.MAX_VALUE, mem);
  }

  /** A submission's arrival in microseconds since 1970. */
  static long micros(Submission s) {
    return micros(s.submittedAt());
  }

  /** {@code t} in microseconds since 1970. */
  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  /** The container stage a job stage stands for. */
  static Stage stageOf(byte jobStage) {
    return switch (jobStage) {
      case JobTable.CREATING -> Stage.CREATE;
      case JobTable.STARTING -> Stage.START;
      case JobTable.EXECING -> Stage.EXEC;
      case JobTable.REMOVING -> Stage.REMOVE;
      default -> throw new IllegalStateException("not a container stage: " + jobStage);
    };
  }
}
