package io.gradesim.simulator.output;

import org.HdrHistogram.Histogram;

/**
 * Count, exact sum and maximum, and an HdrHistogram of durations in microseconds.
 *
 * <p>Precision: the histogram keeps 3 significant decimal digits, so a percentile is within 0.1 %
 * of the recorded value it stands for; the mean and the maximum are exact. Memory is bounded (a few
 * tens of KiB) whatever the number of samples. Source: Gil Tene's HdrHistogram.
 *
 * <p>Percentile definition (HdrHistogram's {@code getValueAtPercentile}): the p-th percentile is
 * the smallest recorded value v such that at least p % of the samples are ≤ v (nearest rank),
 * reported as the highest value equivalent to v at 3 significant digits.
 */
final class DurationStats {
  static final int SIGNIFICANT_DIGITS = 3;

  private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
  private long count;
  private long sumMicros;
  private long maxMicros;

  /** Records one duration; negative durations (an emitter bug) are clamped to zero. */
  void record(long micros) {
    long v = Math.max(0, micros);
    histogram.recordValue(v);
    count++;
    sumMicros += v;
    maxMicros = Math.max(maxMicros, v);
  }

  /** The histogram of the recorded durations, microseconds; read it, do not record into it. */
  Histogram histogram() {
    return histogram;
  }

  /** The number of recorded durations. */
  long count() {
    return count;
  }

  /** The exact mean in seconds, NaN when empty. */
  double meanSeconds() {
    return count == 0 ? Double.NaN : sumMicros / (double) count / 1e6;
  }

  /** The exact maximum in seconds, NaN when empty. */
  double maxSeconds() {
    return count == 0 ? Double.NaN : maxMicros / 1e6;
  }

  /** The {@code p}-th percentile (0–100) in seconds, NaN when empty; see the class comment. */
  double percentileSeconds(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    return Math.min(histogram.getValueAtPercentile(p), maxMicros) / 1e6;
  }
}
