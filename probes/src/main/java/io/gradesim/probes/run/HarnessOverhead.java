package io.gradesim.probes.run;

import java.util.Arrays;

/**
 * The cost the harness adds to every stage: a null stage (no operation) timed exactly as real
 * stages are, recorded as a warm-up of runtime {@code harness} so no result includes it.
 */
public final class HarnessOverhead {
  private static final int SAMPLES = 5_000;

  private HarnessOverhead() {}

  /** The overhead per stage: median and p99 of the wall time around a null stage, in ns. */
  public record Figure(long medianNs, long p99Ns, int samples) {
    /** A one-line summary in microseconds. */
    public String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "harness overhead per stage: median %.1f us, p99 %.1f us (n=%d null stages)",
          medianNs / 1e3,
          p99Ns / 1e3,
          samples);
    }
  }

  /** Measures the overhead with {@value #SAMPLES} null stages after as many warm-ups. */
  public static Figure measure() {
    StageTimer.Where w = new StageTimer.Where("harness", "none", 1, 0, 0, true, 0);
    long[] ns = new long[SAMPLES];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < SAMPLES; i++) {
        long t0 = System.nanoTime();
        try {
          StageTimer.time(w, "null", true, () -> null);
        } catch (StageTimer.StageFailure impossible) {
          throw new IllegalStateException(impossible);
        }
        ns[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(ns);
    return new Figure(ns[SAMPLES / 2], ns[(int) Math.ceil(SAMPLES * 0.99) - 1], SAMPLES);
  }
}
