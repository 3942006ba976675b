package io.gradesim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Stage costs per runtime from a calibration profile as box-like marks: the box spans the median to
 * p90, the whisker reaches p99, the dot is the mean. Runtimes known only from the literature sit on
 * a shaded band and carry "[literature]" in their label. The mean is not drawn.
 */
final class StageCostChart {
  static final String LITERATURE_MARK = " [literature]";

  private StageCostChart() {}

  /** The chart of {@code entries} (one concurrency level per runtime and stage). */
  static JFreeChart of(StageCostTable costs) {
    List<StageCostTable.Entry> entries = costs.atLowestConcurrency();
    DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
    List<String> literature = new ArrayList<>();
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (StageCostTable.Entry e : entries) {
      String column = label(costs, e.runtime());
      if (costs.literatureOnly(e.runtime()) && !literature.contains(column)) {
        literature.add(column);
      }
      double p90 = Double.isNaN(e.p90Ms()) ? e.p50Ms() : e.p90Ms();
      double p99 = Double.isNaN(e.p99Ms()) ? p90 : e.p99Ms();
      data.add(
          new BoxAndWhiskerItem(
              Double.isNaN(e.meanMs()) ? null : e.meanMs(),
              e.p50Ms(),
              e.p50Ms(),
              p90,
              e.p50Ms(),
              p99,
              null,
              null,
              List.of()),
          e.stage(),
          column);
      lo = Math.min(lo, Math.max(e.p50Ms(), 0.01));
      hi = Math.max(hi, p99);
    }
    boolean log = hi / lo > 50;
    ValueAxis axis =
        log ? new LogAxis("stage cost (ms, log scale)") : new NumberAxis("stage cost (ms)");
    if (log) {
      ((LogAxis) axis).setSmallestValue(0.01);
      ((LogAxis) axis).setNumberFormatOverride(new java.text.DecimalFormat("0.##"));
    }
    BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer();
    r.setMeanVisible(false); // the profile's spread is p50..p99; a mean dot would hide it
    r.setMedianVisible(true);
    r.setFillBox(true);
    r.setMaximumBarWidth(0.06);
    r.setDefaultOutlinePaint(Color.DARK_GRAY);
    CategoryPlot plot =
        new CategoryPlot(
            data,
            new CategoryAxis("runtime (concurrency " + concurrencyLabel(entries) + ")"),
            axis,
            r);
    for (String column : literature) {
      CategoryMarker m = new CategoryMarker(column, new Color(0xFFF1D6), new BasicStroke(1f));
      m.setDrawAsLine(false);
      m.setLabel("literature, not measured here");
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
      m.setLabelAnchor(RectangleAnchor.TOP);
      m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
      m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      plot.addDomainMarker(m, Layer.BACKGROUND);
    }
    JFreeChart chart =
        new JFreeChart("Container stage costs per runtime", ReportCharts.TITLE, plot, true);
    ChartFactory.getChartTheme().apply(chart); // the same fonts as the other charts
    chart.setBackgroundPaint(Color.WHITE);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    chart.getTitle().setFont(ReportCharts.TITLE);
    for (int i = 0; i < data.getRowCount(); i++) {
      r.setSeriesPaint(i, ReportCharts.PALETTE[i % ReportCharts.PALETTE.length]);
    }
    return chart;
  }

  /** The runtime's axis label, marked when its costs come only from the literature. */
  static String label(StageCostTable costs, String runtime) {
    return costs.literatureOnly(runtime) ? runtime + LITERATURE_MARK : runtime;
  }

  private static String concurrencyLabel(List<StageCostTable.Entry> entries) {
    int min = entries.stream().mapToInt(StageCostTable.Entry::concurrency).min().orElse(1);
    int max = entries.stream().mapToInt(StageCostTable.Entry::concurrency).max().orElse(1);
    return min == max ? Integer.toString(min) : min + " to " + max + ", lowest measured";
  }
}
