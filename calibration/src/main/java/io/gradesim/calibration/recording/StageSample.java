package io.gradesim.calibration.recording;

/**
 * One {@code gradesim.Stage} event as read from a recording.
 *
 * @param runtime runtime name as the probe wrote it
 * @param stage lifecycle stage (create, start, exec, stop, remove, run)
 * @param payload payload name
 * @param concurrency lifecycles run at once when the sample was taken
 * @param iteration iteration number
 * @param warmup true for a warm-up iteration
 * @param ok false when the stage failed
 * @param startNanos JFR start time, nanoseconds since the epoch
 * @param durationNanos JFR duration in nanoseconds
 */
public record StageSample(
    String runtime,
    String stage,
    String payload,
    int concurrency,
    int iteration,
    boolean warmup,
    boolean ok,
    long startNanos,
    long durationNanos) {

  /** End time, nanoseconds since the epoch. */
  public long endNanos() {
    return startNanos + durationNanos;
  }
}
