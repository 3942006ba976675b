package io.gradesim.app.validate;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The moving-block bootstrap (Künsch 1989) of a statistic over a series in time order: a resample
 * is made of blocks of {@code L} consecutive values starting at uniform random offsets, so the
 * dependence within a block survives (waits behind one busy spell are correlated, which the plain
 * bootstrap would ignore and so give too narrow an interval). {@code L = ceil(sqrt(n))}. Resamples
 * are drawn from a fixed seed: the same series gives the same interval.
 */
final class BlockBootstrap {
  /** Number of resamples. */
  static final int RESAMPLES = 1000;

  private static final long SEED = 1;

  private BlockBootstrap() {}

  /** The block length for a series of {@code n} values. */
  static int blockLength(int n) {
    return Math.max(1, (int) Math.ceil(Math.sqrt(n)));
  }

  /** The 95 % percentile interval {low, high} of {@code statistic} over {@code series}. */
  static double[] interval(double[] series, ToDoubleFunction<double[]> statistic) {
    int n = series.length;
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    int block = Math.min(blockLength(n), n);
    SplittableRandom rng = new SplittableRandom(SEED);
    double[] stats = new double[RESAMPLES];
    double[] resample = new double[n];
    for (int b = 0; b < RESAMPLES; b++) {
      int filled = 0;
      while (filled < n) {
        int start = rng.nextInt(n - block + 1);
        int len = Math.min(block, n - filled);
        System.arraycopy(series, start, resample, filled, len);
        filled += len;
      }
      stats[b] = statistic.applyAsDouble(resample);
    }
    Arrays.sort(stats);
    return new double[] {Quantiles.of(stats, 0.025), Quantiles.of(stats, 0.975)};
  }
}
