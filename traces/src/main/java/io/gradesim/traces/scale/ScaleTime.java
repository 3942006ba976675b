package io.gradesim.traces.scale;

import java.time.Instant;

/** Instants as integral microseconds, the unit shifts are drawn in. */
final class ScaleTime {
  private ScaleTime() {}

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  /** {@code t} moved by {@code micros}, keeping its sub-microsecond digits. */
  static Instant shift(Instant t, long micros) {
    return t == null ? null : t.plusNanos(Math.multiplyExact(micros, 1000L));
  }
}
