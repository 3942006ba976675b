package io.gradesim.probes.thesis;

import io.gradesim.probes.report.MedianInterval;
import java.util.Arrays;

/**
 * The thesis' statistic (the mean of the 15 fastest samples, which its plots show) beside the
 * project's (the median with its distribution-free 95 % interval, {@link MedianInterval}).
 *
 * @param n how many samples there were
 * @param fastestMean mean of the {@value #FASTEST} fastest; NaN with fewer samples than that
 * @param median the nearest-rank median, as the probes' summary table takes it; NaN when n = 0
 * @param low the interval's lower bound; NaN when n &lt; 6
 * @param high the interval's upper bound; NaN when n &lt; 6
 */
public record ThesisStatistics(int n, double fastestMean, double median, double low, double high) {

  /** How many of the fastest samples the thesis averages (of 20 runs). */
  public static final int FASTEST = 15;

  /** The 95 % level of the project's interval. */
  public static final double LEVEL = 0.95;

  /** Both statistics over {@code samples} (left untouched). */
  public static ThesisStatistics of(double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double fastest = Double.NaN;
    if (n >= FASTEST) {
      double sum = 0;
      for (int i = 0; i < FASTEST; i++) {
        sum += sorted[i];
      }
      fastest = sum / FASTEST;
    }
    double median = n == 0 ? Double.NaN : sorted[(int) Math.ceil(0.5 * n) - 1];
    double[] ci = MedianInterval.of(sorted, LEVEL);
    return new ThesisStatistics(
        n, fastest, median, ci == null ? Double.NaN : ci[0], ci == null ? Double.NaN : ci[1]);
  }
}
