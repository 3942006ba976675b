package io.gradesim.calibration.fit;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

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

  /** The KS distance {@code sup |F_n(x) - F(x)|} of sorted samples from a distribution. */
  public static double distance(double[] sorted, StageDistribution dist) {
    int n = sorted.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = dist.cdf(sorted[i]);
      d = Math.max(d, Math.max((i + 1) / (double) n - f, f - i / (double) n));
    }
    return d;
  }
}
