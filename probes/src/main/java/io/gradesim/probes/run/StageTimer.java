package io.gradesim.probes.run;

import io.gradesim.probes.jfr.StageEvent;
import java.io.IOException;

/**
 * Times one operation as a {@link StageEvent}: {@code begin()} just before it, {@code end()} just
 * after, then the outcome is filled in and the event committed. JFR takes the start time and
 * duration itself (its ticks clock), so the harness adds only the event's own cost.
 */
final class StageTimer {
  /** An operation that may fail with an IOException. */
  interface Op<T> {
    T call() throws IOException;
  }

  /** Where a sample belongs. */
  record Where(
      String runtime,
      String payload,
      int concurrency,
      int iteration,
      int slot,
      boolean warmup,
      double load1) {}

  private StageTimer() {}

  /** Runs {@code op} timed as stage {@code stage}; commits the event when {@code record}. */
  static <T> T time(Where w, String stage, boolean record, Op<T> op) throws StageFailure {
    StageEvent e = new StageEvent();
    e.begin();
    try {
      T result = op.call();
      e.end();
      e.ok = true;
      return result;
    } catch (IOException | RuntimeException x) {
      e.end();
      e.ok = false;
      e.error = x.getMessage() == null ? x.toString() : x.getMessage();
      throw new StageFailure(stage, e.error, x);
    } finally {
      if (record) {
        e.runtime = w.runtime();
        e.stage = stage;
        e.payload = w.payload();
        e.concurrency = w.concurrency();
        e.iteration = w.iteration();
        e.slot = w.slot();
        e.warmup = w.warmup();
        e.load1 = w.load1();
        e.commit();
      }
    }
  }

  /** A stage that failed, with the stage name and the runtime's message. */
  static final class StageFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String stage;

    StageFailure(String stage, String message, Throwable cause) {
      super(message, cause);
      this.stage = stage;
    }

    String stage() {
      return stage;
    }
  }
}
