package io.gradesim.calibration.fit;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A continuous distribution of one stage's duration (microseconds): its CDF, its quantile function
 * and its parameters by name. Sampling by quantile lets callers share one uniform draw between
 * distributions (used to interpolate between concurrency levels).
 */
public sealed interface StageDistribution {

  /** The family this distribution belongs to. */
  Family family();

  /** P(X &lt;= x). */
  double cdf(double x);

  /** The value at cumulative probability {@code u} in (0, 1). */
  double quantile(double u);

  /** The parameters by name, sorted (for the profile). */
  SortedMap<String, Double> params();

  /**
   * Lognormal: {@code ln X ~ Normal(mu, sigma)}; maximum-likelihood fit of the log samples.
   *
   * @param mu mean of ln X
   * @param sigma standard deviation of ln X
   */
  record Lognormal(double mu, double sigma) implements StageDistribution {
    /** Fits by maximum likelihood; all samples must be positive. */
    public static Lognormal fit(double[] x) {
      double s = 0;
      for (double v : x) {
        s += Math.log(v);
      }
      double mu = s / x.length;
      double ss = 0;
      for (double v : x) {
        ss += (Math.log(v) - mu) * (Math.log(v) - mu);
      }
      return new Lognormal(mu, Math.sqrt(ss / x.length));
    }

    @Override
    public Family family() {
      return Family.LOGNORMAL;
    }

    /** The commons-math3 distribution (no random generator: it is never sampled directly). */
    public LogNormalDistribution distribution() {
      return new LogNormalDistribution(null, mu, sigma);
    }

    @Override
    public double cdf(double x) {
      return distribution().cumulativeProbability(x);
    }

    /**
     * {@code exp} of the normal quantile: closed form (commons-math3's {@link
     * LogNormalDistribution} inverts its CDF numerically, about 1e-9 accurate and slower).
     */
    @Override
    public double quantile(double u) {
      return Math.exp(new NormalDistribution(null, mu, sigma).inverseCumulativeProbability(u));
    }

    @Override
    public SortedMap<String, Double> params() {
      return sorted("mu", mu, "sigma", sigma);
    }
  }

  /**
   * Gamma with shape {@code k} and scale {@code theta}; maximum-likelihood fit (Minka, "Estimating
   * a Gamma distribution", 2002: closed-form start, then Newton steps on the shape).
   *
   * @param shape k
   * @param scale theta
   */
  record Gamma(double shape, double scale) implements StageDistribution {
    /** Fits by maximum likelihood; all samples must be positive and not all equal. */
    public static Gamma fit(double[] x) {
      double mean = 0;
      double meanLog = 0;
      for (double v : x) {
        mean += v;
        meanLog += Math.log(v);
      }
      mean /= x.length;
      meanLog /= x.length;
      double s = Math.log(mean) - meanLog;
      double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
      for (int i = 0; i < 50; i++) {
        double step =
            (Math.log(k) - org.apache.commons.math3.special.Gamma.digamma(k) - s)
                / (1 / k - org.apache.commons.math3.special.Gamma.trigamma(k));
        double next = k - step;
        k = next > 0 ? next : k / 2;
        if (Math.abs(step) < 1e-12 * k) {
          break;
        }
      }
      return new Gamma(k, mean / k);
    }

    @Override
    public Family family() {
      return Family.GAMMA;
    }

    /** The commons-math3 distribution (no random generator: it is never sampled directly). */
    public GammaDistribution distribution() {
      return new GammaDistribution(null, shape, scale);
    }

    @Override
    public double cdf(double x) {
      return distribution().cumulativeProbability(x);
    }

    /** commons-math3's numerical inverse of the CDF (Brent's method, 1e-9 microseconds). */
    @Override
    public double quantile(double u) {
      return distribution().inverseCumulativeProbability(u);
    }

    @Override
    public SortedMap<String, Double> params() {
      return sorted("scale", scale, "shape", shape);
    }
  }

  /**
   * The samples' own distribution, kept as 101 quantiles (0 %, 1 %, ..., 100 %, type 7) with linear
   * interpolation in between: used when neither parametric family fits.
   *
   * @param quantiles the 101 quantiles, non-decreasing
   */
  record Empirical(double[] quantiles) implements StageDistribution {
    /** Number of points in the quantile table. */
    public static final int POINTS = 101;

    /** Builds the quantile table of the samples. */
    public static Empirical fit(double[] x) {
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      double[] ps = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        ps[i] = i / (double) (POINTS - 1);
      }
      return new Empirical(SampleStats.quantiles(sorted, ps));
    }

    @Override
    public Family family() {
      return Family.EMPIRICAL;
    }

    @Override
    public double cdf(double x) {
      int last = quantiles.length - 1;
      if (x < quantiles[0]) {
        return 0;
      }
      if (x >= quantiles[last]) {
        return 1;
      }
      int i = 0;
      while (quantiles[i + 1] <= x) {
        i++;
      }
      double span = quantiles[i + 1] - quantiles[i];
      double frac = span == 0 ? 1 : (x - quantiles[i]) / span;
      return (i + frac) / last;
    }

    @Override
    public double quantile(double u) {
      double h = u * (quantiles.length - 1);
      int lo = Math.min((int) Math.floor(h), quantiles.length - 2);
      return quantiles[lo] + (h - lo) * (quantiles[lo + 1] - quantiles[lo]);
    }

    @Override
    public SortedMap<String, Double> params() {
      return new TreeMap<>();
    }
  }

  /**
   * Always the same value: a published figure without its spread, or samples that are all equal.
   *
   * @param value the duration in microseconds
   */
  record Fixed(double value) implements StageDistribution {
    @Override
    public Family family() {
      return Family.FIXED;
    }

    @Override
    public double cdf(double x) {
      return x < value ? 0 : 1;
    }

    @Override
    public double quantile(double u) {
      return value;
    }

    @Override
    public SortedMap<String, Double> params() {
      return sorted("value_us", value, null, 0);
    }
  }

  private static SortedMap<String, Double> sorted(String k1, double v1, String k2, double v2) {
    SortedMap<String, Double> m = new TreeMap<>();
    m.put(k1, v1);
    if (k2 != null) {
      m.put(k2, v2);
    }
    return m;
  }
}
