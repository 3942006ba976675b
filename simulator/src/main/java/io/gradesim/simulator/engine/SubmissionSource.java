package io.gradesim.simulator.engine;

import io.gradesim.traces.Submission;
import java.util.Iterator;

/** Supplies a run's submissions in arrival order, one at a time (a trace is never loaded whole). */
@FunctionalInterface
public interface SubmissionSource {

  /** The next submission, or null at the end of the trace. */
  Submission next();

  /** A source over an iterator (for example a trace reader's stream). */
  static SubmissionSource of(Iterator<Submission> it) {
    return () -> it.hasNext() ? it.next() : null;
  }
}
