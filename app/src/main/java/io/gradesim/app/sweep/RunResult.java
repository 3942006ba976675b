package io.gradesim.app.sweep;

/**
 * What a run sends back to its sweep, as a message (plain strings and numbers: Jackson binds it).
 *
 * @param runId the run's id ({@link RunRequest#runId()})
 * @param out where its outputs are
 * @param summaryJson its summary.json ("" if it failed)
 * @param events events it emitted
 * @param submissions submissions it simulated
 * @param failure why it failed, "" if it completed
 */
public record RunResult(
    String runId, String out, String summaryJson, long events, long submissions, String failure) {

  /** True if the run completed. */
  public boolean completed() {
    return failure.isEmpty();
  }
}
