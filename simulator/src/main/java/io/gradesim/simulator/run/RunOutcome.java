package io.gradesim.simulator.run;

/** How a run ended. */
public sealed interface RunOutcome {

  /** The run's label. */
  String label();

  /**
   * The run ended normally.
   *
   * @param label the run's label
   * @param events events emitted
   * @param submissions submissions simulated
   * @param wallNanos wall time from opening to finishing
   * @param summary what the run's finish returned (for example summary.json), or ""
   */
  record Completed(String label, long events, long submissions, long wallNanos, String summary)
      implements RunOutcome {
    /** The same outcome with the wall time measured by the run's actor. */
    public Completed withWallNanos(long nanos) {
      return new Completed(label, events, submissions, nanos, summary);
    }
  }

  /** The run failed; {@code reason} is the error's message. */
  record Failed(String label, String reason, Throwable cause) implements RunOutcome {}
}
