package io.gradesim.calibration.fit;

import io.gradesim.probes.report.MedianInterval;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.util.KthSelector;
import org.apache.commons.math3.util.MedianOf3PivotingStrategy;

/**
 * Descriptive statistics of one group of samples (microseconds).
 *
 * <p>Percentiles use linear interpolation between order statistics (Hyndman and Fan type 7, the
 * default of R and NumPy: commons-math3's {@link Percentile} with {@link EstimationType#R_7}). The
 * 95 % confidence interval of the median is distribution-free ({@link MedianInterval}: the order
 * statistics {@code x(j)} and {@code x(n-j+1)} with the largest {@code j} such that {@code
 * P(Binomial(n, 1/2) < j) <= 0.025}, Conover, Practical Nonparametric Statistics, 3rd ed., section
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
    double[] ci = MedianInterval.of(x, 0.95);
    double lo = ci == null ? Double.NaN : ci[0];
    double hi = ci == null ? Double.NaN : ci[1];
    double[] q = quantiles(x, 0.5, 0.9, 0.99);
    return new SampleStats(n, q[0], q[1], q[2], mean, sd, lo, hi);
  }

  /** The type-7 quantile of sorted data at probability {@code p} in [0, 1]. */
  public static double quantile(double[] sorted, double p) {
    return quantiles(sorted, p)[0];
  }

  /** The type-7 quantiles of sorted data at each probability of {@code ps}, each in [0, 1]. */
  public static double[] quantiles(double[] sorted, double... ps) {
    // Sorted input: no NaN to rank and a median-of-3 pivot finds each order statistic at once.
    Percentile r7 =
        new Percentile()
            .withEstimationType(EstimationType.R_7)
            .withNaNStrategy(NaNStrategy.FAILED)
            .withKthSelector(new KthSelector(new MedianOf3PivotingStrategy()));
    r7.setData(sorted);
    double[] out = new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      // Percentile takes (0, 100]; type 7 at 0 is the minimum.
      out[i] = ps[i] <= 0 ? sorted[0] : r7.evaluate(ps[i] * 100);
    }
    return out;
  }
}
