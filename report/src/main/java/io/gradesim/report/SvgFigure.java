package io.gradesim.report;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart rendered to an inline {@code <svg>} element with JFreeSVG. Definition ids carry the
 * figure's id as prefix, so several SVGs share one page without clashing and the same chart gives
 * the same text.
 */
public final class SvgFigure {
  static {
    ReportCharts.headless();
  }

  private SvgFigure() {}

  /** Draws {@code chart} at {@code width} x {@code height} pixels into an SVG element. */
  public static String render(JFreeChart chart, String id, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
  }
}
