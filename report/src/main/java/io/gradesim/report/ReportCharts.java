package io.gradesim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's time and distribution charts, drawn with JFreeChart: feedback-time CDF, queue and
 * busy slots per run, agents up against the arrival rate. Each scenario keeps its colour across
 * charts. Stage costs are in {@link StageCostChart}.
 */
final class ReportCharts {
  static {
    headless(); // before any AWT class below asks for a display
  }

  /** Tableau 10: distinct, print-safe colours; scenario i gets colour i mod 10. */
  static final Color[] PALETTE = {
    new Color(0x4E79A7),
    new Color(0xF28E2B),
    new Color(0xE15759),
    new Color(0x76B7B2),
    new Color(0x59A14F),
    new Color(0xEDC948),
    new Color(0xB07AA1),
    new Color(0xFF9DA7),
    new Color(0x9C755F),
    new Color(0xBAB0AC)
  };

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

  private ReportCharts() {}

  /** Draws without a display (servers, CI) unless the user chose otherwise. */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Fraction of submissions with feedback by time x, one line per run. */
  static JFreeChart feedbackCdf(List<RunResult> runs, double sloSeconds) {
    XYSeriesCollection data = new XYSeriesCollection();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (RunResult r : runs) {
      XYSeries s = new XYSeries(r.name(), false, true);
      double[] xs = r.feedback().feedbackCdf();
      for (int i = 0; i < xs.length; i++) {
        if (!Double.isNaN(xs[i])) {
          s.add(Math.max(xs[i], 0.001), FeedbackDistribution.CDF_QUANTILES[i]);
          lo = Math.min(lo, Math.max(xs[i], 0.001));
          hi = Math.max(hi, xs[i]);
        }
      }
      data.addSeries(s);
    }
    // Linear reads best; a log scale only when one scenario's tail dwarfs another's median.
    boolean log = hi > 0 && hi / lo > 200;
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Feedback time: cumulative distribution",
            "feedback time, submission to result (s" + (log ? ", log scale)" : ")"),
            "fraction of submissions with feedback",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = style(chart, runs.size());
    if (log) {
      LogAxis axis = new LogAxis(plot.getDomainAxis().getLabel());
      axis.setSmallestValue(0.001);
      axis.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
      axis.setTickUnit(new NumberTickUnit(1)); // one labelled tick per decade
      plot.setDomainAxis(axis);
    }
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
    if (sloVisible(hi, sloSeconds)) {
      plot.getDomainAxis()
          .setUpperBound(Math.max(plot.getDomainAxis().getUpperBound(), sloSeconds * 1.05));
    }
    ValueMarker p95 = marker(0.95, "p95");
    p95.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
    p95.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addRangeMarker(p95);
    ValueMarker slo = marker(sloSeconds, "SLO " + Formats.seconds(sloSeconds) + " s");
    slo.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
    slo.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    plot.addDomainMarker(slo);
    return chart;
  }

  /** Whether the CDF's x axis stretches to show the SLO line (not when it would squash). */
  static boolean sloVisible(double slowestSeconds, double sloSeconds) {
    return sloSeconds <= 3 * slowestSeconds;
  }

  /** Queue length (max per span), busy slots (mean per span) and slots up of one run. */
  static JFreeChart queueAndBusy(RunResult run, int colour, double yMax) {
    Steps queue = new Steps("queue length (max)");
    Steps busy = new Steps("busy slots (mean)");
    Steps slots = new Steps("slots up");
    for (TimeSeries.Point p : run.series().points()) {
      queue.add(p, p.queueMax());
      busy.add(p, p.busyMean());
      slots.add(p, p.slotsMax());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(queue.series());
    data.addSeries(busy.series());
    if (run.series().hasSlots()) {
      data.addSeries(slots.series());
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            run.name(),
            "time since first arrival (min)",
            "submissions / slots",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.getTitle().setFont(TITLE.deriveFont(13f));
    XYPlot plot = style(chart, 0);
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
    r.setSeriesPaint(0, PALETTE[colour % PALETTE.length]);
    r.setSeriesPaint(1, Color.DARK_GRAY);
    r.setSeriesStroke(
        1,
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
    r.setSeriesPaint(2, new Color(0xAAAAAA));
    r.setSeriesStroke(2, new BasicStroke(1f));
    ((NumberAxis) plot.getRangeAxis()).setRange(0, Math.max(1, yMax * 1.05));
    return chart;
  }

  /** Agents up per run over time, with the arrival rate (of the first run) on a right axis. */
  static JFreeChart agentsAndArrivals(List<RunResult> runs) {
    XYSeriesCollection agents = new XYSeriesCollection();
    for (RunResult r : runs) {
      Steps s = new Steps(r.name());
      r.series().points().forEach(p -> s.add(p, p.agentsMax()));
      agents.addSeries(s.series());
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Agents up and arrival rate",
            "time since first arrival (min)",
            "agents up",
            agents,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = style(chart, runs.size());
    runs.stream()
        .filter(r -> r.series().hasArrivals())
        .findFirst()
        .ifPresent(
            r -> {
              Steps rate = new Steps("arrivals per minute (right axis)");
              r.series().points().forEach(p -> rate.add(p, p.arrivalsPerMinute()));
              plot.setDataset(1, new XYSeriesCollection(rate.series()));
              NumberAxis right = new NumberAxis("arrivals per minute");
              plot.setRangeAxis(1, right);
              plot.mapDatasetToRangeAxis(1, 1);
              XYLineAndShapeRenderer grey = new XYLineAndShapeRenderer(true, false);
              grey.setDrawSeriesLineAsPath(true);
              grey.setSeriesPaint(0, new Color(0x999999));
              grey.setSeriesStroke(0, new BasicStroke(1f));
              plot.setRenderer(1, grey);
            });
    return chart;
  }

  /** Common look: white background, grey grid, palette, no shapes, thicker lines. */
  static XYPlot style(JFreeChart chart, int paletteSeries) {
    chart.setBackgroundPaint(Color.WHITE);
    chart
        .getTitle()
        .setFont(chart.getTitle().getFont().getSize() > 14 ? TITLE : chart.getTitle().getFont());
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    // One SVG path per series instead of one line element per segment: the same picture, a
    // fraction of the page's bytes and of the time to draw it.
    r.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < paletteSeries; i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    r.setDefaultStroke(new BasicStroke(2f));
    r.setAutoPopulateSeriesStroke(false);
    plot.setRenderer(r);
    return plot;
  }

  /**
   * A step line in minutes: each span of the time series is a horizontal segment at its value. A
   * span that continues the previous one at the same value extends it instead of adding two points,
   * so a flat stretch (a fixed pool's slots, an idle queue) costs two points, not two per span; the
   * line drawn is the same.
   */
  static final class Steps {
    private final XYSeries series;
    private double y = Double.NaN;
    private double end = Double.NaN;

    Steps(String name) {
      series = new XYSeries(name, false, true);
    }

    void add(TimeSeries.Point p, double value) {
      if (Double.isNaN(value) || p.endS() <= p.startS()) {
        return;
      }
      double start = p.startS() / 60;
      if (value == y && start == end) {
        end = p.endS() / 60;
        return;
      }
      close();
      series.add(start, value);
      y = value;
      end = p.endS() / 60;
    }

    /** The series with its last segment closed. */
    XYSeries series() {
      close();
      y = Double.NaN;
      end = Double.NaN;
      return series;
    }

    private void close() {
      if (!Double.isNaN(y)) {
        series.add(end, y);
      }
    }
  }

  private static ValueMarker marker(double v, String label) {
    Paint p = new Color(0x666666);
    ValueMarker m =
        new ValueMarker(
            v,
            p,
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    m.setLabelPaint(p);
    return m;
  }
}
