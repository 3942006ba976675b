package io.gradesim.probes.jfr;

import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/**
 * One {@link StageEvent} read back from a recording: what the probes' summary table and {@code
 * stages.csv} print and what calibration fits.
 *
 * @param runtime runtime name as the probe wrote it
 * @param stage lifecycle stage label ({@link Stage#label()}), as recorded
 * @param payload payload name
 * @param concurrency lifecycles run at once when the sample was taken
 * @param iteration iteration number
 * @param slot which of the concurrent lifecycles of the iteration
 * @param warmup true for a warm-up iteration
 * @param ok false when the stage failed
 * @param durationNs JFR duration in nanoseconds
 * @param startEpochNs JFR start time, nanoseconds since the epoch
 * @param load1 the host's 1-minute load average when the lifecycle began
 * @param error why the stage failed; empty when ok
 */
public record StageSample(
    String runtime,
    String stage,
    String payload,
    int concurrency,
    int iteration,
    int slot,
    boolean warmup,
    boolean ok,
    long durationNs,
    long startEpochNs,
    double load1,
    String error) {

  /** The sample a {@link StageEvent} was recorded as (absent strings read as empty). */
  public static StageSample of(RecordedEvent e) {
    Instant start = e.getStartTime();
    return new StageSample(
        text(e, "runtime"),
        text(e, "stage"),
        text(e, "payload"),
        e.getInt("concurrency"),
        e.getInt("iteration"),
        e.getInt("slot"),
        e.getBoolean("warmup"),
        e.getBoolean("ok"),
        e.getDuration().toNanos(),
        start.getEpochSecond() * 1_000_000_000L + start.getNano(),
        e.getDouble("load1"),
        text(e, "error"));
  }

  /** End time, nanoseconds since the epoch. */
  public long endEpochNs() {
    return startEpochNs + durationNs;
  }

  private static String text(RecordedEvent e, String field) {
    String s = e.getString(field);
    return s == null ? "" : s;
  }
}
