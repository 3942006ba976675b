package io.gradesim.probes.report;

/**
 * The distribution-free confidence interval of a median from order statistics: with X ~
 * Binomial(n, 1/2), the interval [x(k), x(n-k+1)] covers the median with probability
 * 1 - 2 P(X &lt;= k-1); k is the largest rank keeping that at least the asked level (Conover,
 * Practical Nonparametric Statistics, 3rd ed., section 3.2).
 */
public final class MedianInterval {
  private MedianInterval() {}

  /**
   * The 1-based lower rank k of the interval for {@code n} samples at {@code level} (e.g.
   * 0.95), or 0 when even [min, max] covers less than the level (n &lt; 6 at 95 %).
   */
  public static int lowerRank(int n, double level) {
    double alphaHalf = (1 - level) / 2;
    double logHalfN = n * Math.log(0.5);
    double logChoose = 0;
    double cdf = 0;
    int k = 0;
    for (int i = 0; i <= n / 2; i++) {
      if (i > 0) {
        logChoose += Math.log(n - i + 1) - Math.log(i);
      }
      cdf += Math.exp(logChoose + logHalfN);
      // P(X <= i) is the tail left out below rank i + 1.
      if (cdf <= alphaHalf + 1e-12) {
        k = i + 1;
      } else {
        break;
      }
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
}
