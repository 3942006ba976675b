package io.gradesim.simulator.engine;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.scenario.ScenarioSettings;

/**
 * One simulated run: the INGInious pipeline (frontend, backend, agents) driven by a future event
 * list in virtual microseconds. A run is a pure function of its inputs: the trace, the scenario,
 * the stage costs and the seed (three independent random streams split from it: grading times,
 * stage costs, failures).
 *
 * <p>Each submission emits, in order: {@code SubmissionArrived}, then {@code SubmissionRejected}
 * (end), {@code SubmissionNeverSent} (end, closed loop) or {@code SubmissionDeferred} (optional;
 * closed loop: {@code SubmissionRefused}, then {@code SubmissionRetried} or {@code
 * SubmissionNeverSent}), {@code SubmissionQueued}, {@code SubmissionDispatched}, {@code
 * ContainerCreated}, {@code ContainerStarted}, {@code GradingFinished}, {@code ContainerRemoved}
 * (the slot is free on the agent), {@code ResultDelivered}. A job that crashes before a container
 * exists (memory above the agent's per-slot share, or its agent lost) skips the container events it
 * never reached but still ends with {@code GradingFinished} and {@code ContainerRemoved}, so that a
 * fold counting busy slots as dispatched minus removed stays exact. An {@code mcq/*} submission
 * needs no container: it is dispatched to agent -1, slot -1 and graded at once.
 *
 * <p>Use {@link #start()} once, then {@link #advance(long)} until it returns true: a caller (an
 * actor) can run the loop in slices without a message per event.
 */
public final class SimulationEngine {
  private final Pipeline pipeline;

  /**
   * A run of {@code scenario} over {@code source}, emitting to {@code out}; {@code header} is the
   * RunStarted event to emit (its epoch is filled in from the first arrival).
   */
  public SimulationEngine(
      ScenarioSettings scenario,
      StageCosts costs,
      GradingTimes grading,
      SubmissionSource source,
      SimEvent.RunStarted header,
      SimEventListener out) {
    this.pipeline = new Pipeline(scenario, costs, grading, source, header, out);
  }

  /** Emits RunStarted and the initial agents, and schedules the first arrival. */
  public void start() {
    pipeline.start();
  }

  /**
   * Processes at most {@code maxEvents} scheduled events; returns true when the run has ended (the
   * trace is exhausted and every submission's result was delivered or refused).
   */
  public boolean advance(long maxEvents) {
    return pipeline.advance(maxEvents);
  }

  /** Runs to the end. */
  public void run() {
    while (!pipeline.advance(Long.MAX_VALUE)) {
      // advance(Long.MAX_VALUE) only returns once the run has ended.
    }
  }

  /** Events emitted so far. */
  public long events() {
    return pipeline.events();
  }

  /** Submissions that arrived so far. */
  public int arrivals() {
    return pipeline.arrivals();
  }

  /** Virtual time of the last processed event, in microseconds since the epoch. */
  public long now() {
    return pipeline.now();
  }

  /** The epoch: the first arrival in microseconds since 1970 (0 for an empty trace). */
  public long epochMicros() {
    return pipeline.epochMicros();
  }

  /** Refused submissions sent again so far (closed-loop admission). */
  public long retried() {
    return pipeline.retried();
  }

  /** Submissions never sent because the exam closed first, so far (closed-loop admission). */
  public long neverSent() {
    return pipeline.neverSent();
  }

  /** Submissions rejected (closed loop: refused at arrival) by admission so far. */
  public long rejected() {
    return pipeline.rejected();
  }

  /** Submissions deferred by admission so far. */
  public long deferred() {
    return pipeline.deferred();
  }

  /** The largest number of submissions in flight at once (the job table's high-water mark). */
  public int peakInFlight() {
    return pipeline.peakInFlight();
  }
}
