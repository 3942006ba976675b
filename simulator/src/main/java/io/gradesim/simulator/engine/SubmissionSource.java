package io.gradesim.simulator.engine;

import io.gradesim.simulator.model.SubmitterLanes;
import io.gradesim.traces.Submission;
import java.util.Iterator;

/** Supplies a run's submissions in arrival order, one at a time (a trace is never loaded whole). */
@FunctionalInterface
public interface SubmissionSource {

  /** The next submission, or null at the end of the trace. */
  Submission next();

  /**
   * The admission lanes ({@link SubmitterLanes#lanes}) of the submission {@link #next()} returned
   * last, when this source coded them ahead (a trace held in memory codes each row once for all its
   * runs); null when it did not, and the run codes them itself. A source gives them for every row
   * or for none.
   */
  default int[] lanes() {
    return null;
  }

  /** A source over an iterator (for example a trace reader's stream). */
  static SubmissionSource of(Iterator<Submission> it) {
    return () -> it.hasNext() ? it.next() : null;
  }
}
