package io.gradesim.report;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A Student t-interval of the mean of one figure over independent replications (each replication a
 * run with its own seed, the figure that run's p95 or other summary number). Two-sided at the
 * confidence given, and one-sided bounds at the same confidence for the verdict: a plan "meets" an
 * objective when the one-sided upper bound is within it, "misses" when the one-sided lower bound is
 * beyond it, and is "borderline" otherwise. With one replication the interval is the value itself
 * (no spread known). The t-interval assumes the per-replication figures are roughly normal, which
 * the p95 of a run of hundreds of submissions is (an order statistic, itself asymptotically
 * normal); {@code IntervalCoverageTest} checks the coverage.
 *
 * @param n replications
 * @param mean the mean of the figure over them
 * @param lower two-sided lower bound
 * @param upper two-sided upper bound
 * @param lowerOneSided one-sided lower bound
 * @param upperOneSided one-sided upper bound, the figure the verdict compares with the limit
 */
public record Interval(
    int n, double mean, double lower, double upper, double lowerOneSided, double upperOneSided) {

  /** The interval of {@code values} (NaN when any is NaN) at {@code confidence} (e.g. 0.95). */
  public static Interval of(double[] values, double confidence) {
    int n = values.length;
    if (n == 0 || !(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("an interval needs values and a confidence in (0, 1)");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1 || Double.isNaN(mean)) {
      return new Interval(n, mean, mean, mean, mean, mean);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (n - 1) / n);
    TDistribution t = new TDistribution(null, n - 1);
    double two = t.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
    double one = t.inverseCumulativeProbability(confidence) * se;
    return new Interval(n, mean, mean - two, mean + two, mean - one, mean + one);
  }

  /** Where this interval stands against an objective of at most {@code limit}. */
  public Standing against(double limit) {
    if (Double.isNaN(mean)) {
      return Standing.MISSES;
    }
    if (upperOneSided <= limit) {
      return Standing.MEETS;
    }
    return lowerOneSided > limit ? Standing.MISSES : Standing.BORDERLINE;
  }

  /** Whether {@code value} lies within the two-sided interval. */
  public boolean covers(double value) {
    return lower <= value && value <= upper;
  }

  /** "mean [lower, upper]" with one decimal, "-" when unknown. */
  public String text() {
    if (Double.isNaN(mean)) {
      return "-";
    }
    return n == 1
        ? Formats.seconds(mean)
        : Formats.seconds(mean)
            + " ["
            + Formats.seconds(lower)
            + ", "
            + Formats.seconds(upper)
            + "]";
  }

  /** How a figure's interval stands against its objective. */
  public enum Standing {
    /** The one-sided upper bound is within the limit. */
    MEETS,
    /** The interval straddles the limit: more replications may decide. */
    BORDERLINE,
    /** The one-sided lower bound is beyond the limit. */
    MISSES;

    /** The standing of several objectives together: the worst of them. */
    public Standing and(Standing other) {
      return compareTo(other) >= 0 ? this : other;
    }

    /** The name in lower case, for tables and CSV. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
