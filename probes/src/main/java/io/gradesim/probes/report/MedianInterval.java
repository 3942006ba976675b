package io.gradesim.probes.report;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The distribution-free confidence interval of a median from order statistics: with X ~ Binomial(n,
 * 1/2), the interval [x(k), x(n-k+1)] covers the median with probability 1 - 2 P(X &lt;= k-1); k is
 * the largest rank keeping that at least the asked level (Conover, Practical Nonparametric
 * Statistics, 3rd ed., section 3.2). The probes' summary table and calibration's sample statistics
 * both take it from here.
 */
public final class MedianInterval {
  private MedianInterval() {}

  /**
   * The 1-based lower rank k of the interval for {@code n} samples at {@code level} (e.g. 0.95), or
   * 0 when even [min, max] covers less than the level (n &lt; 6 at 95 %).
   */
  public static int lowerRank(int n, double level) {
    if (n < 1) {
      return 0;
    }
    double alphaHalf = (1 - level) / 2;
    // No random generator: the distribution is only asked for its CDF.
    BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
    int k = 0;
    // P(X <= k) is the tail left out below rank k + 1; it passes 1/2 at k = n / 2.
    while (k + 1 <= n / 2 && b.cumulativeProbability(k) <= alphaHalf) {
      k++;
    }
    return k;
  }

  /** The interval's bounds from sorted samples, or null when n is too small. */
  public static long[] of(long[] sorted, double level) {
    int k = lowerRank(sorted.length, level);
    if (k == 0) {
      return null;
    }
    return new long[] {sorted[k - 1], sorted[sorted.length - k]};
  }

  /** The interval's bounds from sorted samples, or null when n is too small. */
  public static double[] of(double[] sorted, double level) {
    int k = lowerRank(sorted.length, level);
    if (k == 0) {
      return null;
    }
    return new double[] {sorted[k - 1], sorted[sorted.length - k]};
  }
}
