package io.gradesim.app.validate;

import java.util.Arrays;

/** Quantiles of samples by linear interpolation between order statistics (Hyndman-Fan type 7). */
final class Quantiles {
  private Quantiles() {}

  /** The {@code q} quantile of {@code sorted} (ascending); NaN when empty. */
  static double of(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The {@code q} quantile of unsorted {@code values} (copied). */
  static double ofUnsorted(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    return of(s, q);
  }

  /** The mean of {@code values} (NaN when empty). */
  static double mean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }
}
