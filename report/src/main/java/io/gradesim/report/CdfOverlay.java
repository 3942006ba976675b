package io.gradesim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cumulative distributions of one duration (a wait, a feedback time) from several runs' histogram
 * logs ({@code wait.hlog}, {@code feedback.hlog}) drawn over each other, in the report's style:
 * e.g. a live run against its prediction.
 */
public final class CdfOverlay {
  private CdfOverlay() {}

  /** Seconds at each of the report's CDF quantiles, from a run's histogram log (µs). */
  public static double[] quantiles(Path hlog) throws IOException {
    Histogram h = HistogramLogs.sum(hlog);
    double[] xs = new double[FeedbackDistribution.CDF_QUANTILES.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] =
          h.getTotalCount() == 0
              ? Double.NaN
              : h.getValueAtPercentile(FeedbackDistribution.CDF_QUANTILES[i] * 100) / 1e6;
    }
    return xs;
  }

  /**
   * An inline SVG of the series (name to seconds at each CDF quantile, as {@link #quantiles}
   * gives), titled {@code title}, x axis {@code xLabel}; {@code id} prefixes its definitions.
   */
  public static String svg(String title, String xLabel, Map<String, double[]> series, String id) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      double[] xs = e.getValue();
      for (int i = 0; i < xs.length; i++) {
        if (!Double.isNaN(xs[i])) {
          s.add(xs[i], FeedbackDistribution.CDF_QUANTILES[i]);
        }
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            xLabel,
            "fraction of submissions",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ((NumberAxis) ReportCharts.style(chart, series.size()).getRangeAxis()).setRange(0, 1.02);
    return SvgFigure.render(chart, id, 720, 360);
  }
}
