package io.gradesim.calibration.model;

import io.gradesim.calibration.fit.StageDistribution;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Fast quantiles for the sampler. Gamma has no closed-form quantile, so its body is tabulated at
 * {@value #POINTS} equally spaced probabilities and interpolated linearly; the outer {@code 1 /
 * (POINTS - 1)} of each tail is computed exactly. Other families are used as they are.
 */
final class QuantileTable {

  static final int POINTS = 513;

  private QuantileTable() {}

  static DoubleUnaryOperator of(Fit fit) {
    StageDistribution d = fit.distribution();
    if (d instanceof StageDistribution.Lognormal l) {
      // One normal distribution per row, not one per draw.
      NormalDistribution log = new NormalDistribution(null, l.mu(), l.sigma());
      return u -> Math.exp(log.inverseCumulativeProbability(u));
    }
    if (!(d instanceof StageDistribution.Gamma g)) {
      return d::quantile;
    }
    double[] q = new double[POINTS];
    for (int i = 1; i < POINTS - 1; i++) {
      q[i] = g.quantile(i / (double) (POINTS - 1));
    }
    return u -> {
      double h = u * (POINTS - 1);
      int lo = (int) Math.floor(h);
      if (lo < 1 || lo >= POINTS - 2) {
        return g.quantile(u);
      }
      return q[lo] + (h - lo) * (q[lo + 1] - q[lo]);
    };
  }
}
