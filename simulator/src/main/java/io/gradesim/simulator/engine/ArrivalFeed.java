package io.gradesim.simulator.engine;

import io.gradesim.traces.Submission;

/**
 * The trace side of a run: one submission of look-ahead read from the source, the check that
 * arrivals come sorted, and the run's epoch (the first arrival is virtual time 0).
 */
final class ArrivalFeed {
  private final SubmissionSource source;
  private Submission next;
  private int[] nextLanes;
  private long epochMicros;
  private long lastArrival;

  ArrivalFeed(SubmissionSource source) {
    this.source = source;
  }

  /** Reads the first submission; its instant becomes the run's epoch. */
  void open() {
    next = source.next();
    nextLanes = next == null ? null : source.lanes();
    if (next != null) {
      epochMicros = EngineWiring.micros(next);
      lastArrival = epochMicros;
    }
  }

  /** The absolute instant (µs since 1970) that virtual time 0 stands for. */
  long epochMicros() {
    return epochMicros;
  }

  /** True once every submission of the trace has arrived. */
  boolean exhausted() {
    return next == null;
  }

  /** The submission whose arrival is scheduled next. */
  Submission next() {
    return next;
  }

  /** The source's admission lanes of {@link #next()}, or null when the source has none. */
  int[] nextLanes() {
    return nextLanes;
  }

  /** Schedules the look-ahead submission's arrival as a new job (nothing once exhausted). */
  void schedule(JobTable jobs, EventQueue queue) {
    if (next != null) {
      int job = jobs.allocate();
      queue.push(EngineWiring.micros(next) - epochMicros, Kind.pack(Kind.ARRIVAL, job, 0));
    }
  }

  /** Moves the look-ahead to the trace's next submission, refusing one out of order. */
  void advance() {
    next = source.next();
    if (next == null) {
      nextLanes = null;
      return;
    }
    nextLanes = source.lanes();
    long at = EngineWiring.micros(next);
    if (at < lastArrival) {
      throw new IllegalArgumentException(
          "submission " + next.id() + ": arrivals must be sorted by submitted_at");
    }
    lastArrival = at;
  }
}
