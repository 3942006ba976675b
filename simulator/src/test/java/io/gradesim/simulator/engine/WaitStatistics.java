package io.gradesim.simulator.engine;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Batch-means statistics of a run's waits after a warm-up: the mean with its 99 % confidence
 * interval (waits of neighbouring submissions are correlated, so the interval comes from the spread
 * of the means of {@code batches} consecutive batches), P(W > 0) and P(W > t).
 */
final class WaitStatistics {
  final double mean;
  final double halfWidth;
  private final long[] waits;
  private final int from;

  WaitStatistics(long[] waitsMicros, double warmupFraction, int batches) {
    this.waits = waitsMicros;
    this.from = (int) (waitsMicros.length * warmupFraction);
    int per = (waitsMicros.length - from) / batches;
    double[] means = new double[batches];
    double sum = 0;
    for (int b = 0; b < batches; b++) {
      double s = 0;
      for (int i = from + b * per; i < from + (b + 1) * per; i++) {
        s += waitsMicros[i] / 1e6;
      }
      means[b] = s / per;
      sum += means[b];
    }
    mean = sum / batches;
    double var = 0;
    for (double m : means) {
      var += (m - mean) * (m - mean);
    }
    var /= batches - 1;
    double t = new TDistribution(batches - 1).inverseCumulativeProbability(0.995);
    halfWidth = t * Math.sqrt(var / batches);
  }

  /** The fraction of waits (after warm-up) longer than {@code seconds}. */
  double fractionAbove(double seconds) {
    long limit = Math.round(seconds * 1e6);
    long count = 0;
    for (int i = from; i < waits.length; i++) {
      if (waits[i] > limit) {
        count++;
      }
    }
    return (double) count / (waits.length - from);
  }

  /** The fraction of positive waits (after warm-up). */
  double fractionPositive() {
    long count = 0;
    for (int i = from; i < waits.length; i++) {
      if (waits[i] > 0) {
        count++;
      }
    }
    return (double) count / (waits.length - from);
  }
}
