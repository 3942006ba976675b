package io.gradesim.calibration.fit;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Descriptive statistics of one group of samples (microseconds).
 *
 * <p>Percentiles use linear interpolation between order statistics (Hyndman and Fan type 7, the
 * default of R and NumPy). The 95 % confidence interval of the median is distribution-free: the
 * order statistics {@code x(j)} and {@code x(n-j+1)} with the largest {@code j} such that {@code
 * P(Binomial(n, 1/2) < j) <= 0.025} (Conover, Practical Nonparametric Statistics, 3rd ed., section
 * 3.2); it needs at least 6 samples and is absent below.
 *
 * @param n number of samples
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param mean arithmetic mean
 * @param stddev sample standard deviation (n - 1 denominator; 0 for one sample)
 * @param medianCiLow lower end of the 95 % CI of the median, NaN when n &lt; 6
 * @param medianCiHigh upper end of the 95 % CI of the median, NaN when n &lt; 6
 */
public record SampleStats(
    int n,
    double p50,
    double p90,
    double p99,
    double mean,
    double stddev,
    double medianCiLow,
    double medianCiHigh) {

  /** Computes the statistics of the given samples (not modified; at least one). */
  public static SampleStats of(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples to summarise");
    }
    double[] x = samples.clone();
    Arrays.sort(x);
    int n = x.length;
    double mean = Arrays.stream(x).sum() / n;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
    double lo = Double.NaN;
    double hi = Double.NaN;
    int j = medianCiRank(n);
    if (j > 0) {
      lo = x[j - 1];
      hi = x[n - j];
    }
    return new SampleStats(
        n, quantile(x, 0.5), quantile(x, 0.9), quantile(x, 0.99), mean, sd, lo, hi);
  }

  /** The type-7 quantile of sorted data at probability {@code p} in [0, 1]. */
  public static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The 1-based rank {@code j} of the lower CI bound, or 0 when n is too small. */
  static int medianCiRank(int n) {
    if (n < 6) {
      return 0;
    }
    BinomialDistribution b = new BinomialDistribution(null, n, 0.5);
    int j = 0;
    while (j + 1 <= n / 2 && b.cumulativeProbability(j) <= 0.025) {
      j++;
    }
    return j;
  }
}
