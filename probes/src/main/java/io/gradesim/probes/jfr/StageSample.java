package io.gradesim.probes.jfr;

import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/** One measured stage read back from a recording. */
public record StageSample(
    String runtime,
    String stage,
    String payload,
    int concurrency,
    int iteration,
    int slot,
    boolean ok,
    long durationNs,
    long startEpochNs,
    double load1,
    String error) {

  /** The sample a {@link StageEvent} was recorded as. */
  public static StageSample of(RecordedEvent e) {
    Instant start = e.getStartTime();
    String error = e.getString("error");
    return new StageSample(
        e.getString("runtime"),
        e.getString("stage"),
        e.getString("payload"),
        e.getInt("concurrency"),
        e.getInt("iteration"),
        e.getInt("slot"),
        e.getBoolean("ok"),
        e.getDuration().toNanos(),
        start.getEpochSecond() * 1_000_000_000L + start.getNano(),
        e.getDouble("load1"),
        error == null ? "" : error);
  }
}
