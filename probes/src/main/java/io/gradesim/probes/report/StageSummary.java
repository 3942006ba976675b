package io.gradesim.probes.report;

import java.util.Arrays;

/**
 * The summary of one cell (runtime, stage, payload, concurrency): counts and nearest-rank
 * percentiles of the successful samples' durations, in nanoseconds.
 */
public record StageSummary(
    String runtime,
    String stage,
    String payload,
    int concurrency,
    int n,
    int failed,
    long medianNs,
    long p90Ns,
    long p99Ns,
    long ciLowNs,
    long ciHighNs) {

  /** Summarises the durations of the successful samples and the failure count. */
  public static StageSummary of(
      String runtime,
      String stage,
      String payload,
      int concurrency,
      long[] okDurations,
      int failed) {
    long[] s = okDurations.clone();
    Arrays.sort(s);
    if (s.length == 0) {
      return new StageSummary(runtime, stage, payload, concurrency, 0, failed, -1, -1, -1, -1, -1);
    }
    long[] ci = MedianInterval.of(s, 0.95);
    return new StageSummary(
        runtime,
        stage,
        payload,
        concurrency,
        s.length,
        failed,
        percentile(s, 0.5),
        percentile(s, 0.9),
        percentile(s, 0.99),
        ci == null ? -1 : ci[0],
        ci == null ? -1 : ci[1]);
  }

  /** The nearest-rank percentile {@code p} (0 to 1) of sorted samples. */
  public static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
