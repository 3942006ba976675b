package io.gradesim.calibration.fit;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Fits every candidate family and keeps one by Kolmogorov–Smirnov distance.
 *
 * <p>Rule: the parametric family (lognormal or gamma) with the smaller distance {@code D} is kept
 * when {@code D <= 1.358 / sqrt(n)}, the asymptotic 5 % critical value of the one-sample KS test;
 * otherwise the empirical quantile table is kept. Because the parameters are estimated from the
 * same samples the test is conservative (Lilliefors, 1967): a parametric family is kept a little
 * more often than a strict test would allow. Data with a non-positive value cannot be fitted
 * parametrically and samples that are all equal become {@link Family#FIXED}.
 *
 * @param chosen the kept distribution
 * @param distances the KS distance of every candidate by family label
 */
public record KsSelection(StageDistribution chosen, SortedMap<String, Double> distances) {

  /** The 5 % critical value coefficient of the asymptotic Kolmogorov distribution. */
  public static final double CRITICAL_COEFFICIENT = 1.358;

  /** Fits and chooses for the given samples (at least one). */
  public static KsSelection of(double[] samples) {
    double[] x = samples.clone();
    Arrays.sort(x);
    if (x[0] == x[x.length - 1]) {
      return new KsSelection(new StageDistribution.Fixed(x[0]), Collections.emptySortedMap());
    }
    SortedMap<String, Double> d = new TreeMap<>();
    StageDistribution empirical = Family.EMPIRICAL.fit(x);
    d.put(Family.EMPIRICAL.label(), distance(x, empirical));
    StageDistribution best = null;
    double bestD = Double.POSITIVE_INFINITY;
    if (x[0] > 0) {
      for (Family f : new Family[] {Family.LOGNORMAL, Family.GAMMA}) {
        StageDistribution fit = f.fit(x);
        double df = distance(x, fit);
        d.put(f.label(), df);
        if (df < bestD) {
          best = fit;
          bestD = df;
        }
      }
    }
    boolean accepted = best != null && bestD <= CRITICAL_COEFFICIENT / Math.sqrt(x.length);
    return new KsSelection(accepted ? best : empirical, d);
  }

  /**
   * The KS distance {@code sup |F_n(x) - F(x)|} of samples (at least two) from a distribution:
   * commons-math3's {@link KolmogorovSmirnovTest#kolmogorovSmirnovStatistic}.
   */
  public static double distance(double[] samples, StageDistribution dist) {
    return new KolmogorovSmirnovTest(null).kolmogorovSmirnovStatistic(real(dist), samples);
  }

  /** The distribution as commons-math3 sees it; the statistic asks only its CDF. */
  private static RealDistribution real(StageDistribution dist) {
    if (dist instanceof StageDistribution.Lognormal l) {
      return l.distribution();
    }
    if (dist instanceof StageDistribution.Gamma g) {
      return g.distribution();
    }
    return new CdfOnly(dist);
  }

  /** An empirical or fixed distribution behind commons-math3's interface, by its CDF alone. */
  private static final class CdfOnly extends AbstractRealDistribution {
    private static final long serialVersionUID = 1L;
    private final transient StageDistribution dist;

    CdfOnly(StageDistribution dist) {
      super(null);
      this.dist = dist;
    }

    @Override
    public double cumulativeProbability(double x) {
      return dist.cdf(x);
    }

    @Override
    public double density(double x) {
      throw new UnsupportedOperationException("only the CDF is known");
    }

    @Override
    public double getNumericalMean() {
      return Double.NaN;
    }

    @Override
    public double getNumericalVariance() {
      return Double.NaN;
    }

    @Override
    public double getSupportLowerBound() {
      return dist.quantile(0);
    }

    @Override
    public double getSupportUpperBound() {
      return dist.quantile(1);
    }

    @Override
    public boolean isSupportLowerBoundInclusive() {
      return true;
    }

    @Override
    public boolean isSupportUpperBoundInclusive() {
      return true;
    }

    @Override
    public boolean isSupportConnected() {
      return true;
    }
  }
}
