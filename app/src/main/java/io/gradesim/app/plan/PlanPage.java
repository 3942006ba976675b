package io.gradesim.app.plan;

import io.gradesim.report.Interval;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.report.TimeSeries;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.output.SummaryKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * plan.html: one self-contained page (inline CSS and SVG, no script, no external address) with, per
 * load level, the terminal table's content, cost against mean feedback p95 of every evaluated
 * candidate with the Pareto front (no other candidate is both cheaper and faster) joined and
 * marked, today's pool and the recommendation marked, and the recommended plan's queue over time
 * (its first replication's {@code timeseries.csv}). The demo's answer page draws its fronts with
 * {@link #front}.
 */
public final class PlanPage {
  private static final int W = 640;
  private static final int H = 360;
  private static final int PAD = 56;

  private PlanPage() {}

  /** The page. */
  static String render(
      PlanSpace space, List<Planner.Level> levels, Verdict verdict, double confidence, String table)
      throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>gradesim plan</title><style>body{font-family:sans-serif;max-width:60em;")
        .append("margin:2em auto}pre{background:#f6f6f6;padding:1em;overflow-x:auto}")
        .append("figcaption{color:#444;font-size:90%}</style></head><body>\n")
        .append("<h1>Capacity plan</h1>\n<p>")
        .append(esc(verdict.rule().replace("a scenario", "a plan")))
        .append("</p>\n<pre>")
        .append(esc(table))
        .append("</pre>\n");
    for (Planner.Level l : levels) {
      h.append("<h2>Load ").append(esc(l.label())).append("</h2>\n");
      h.append("<figure>")
          .append(front(l, verdict))
          .append("<figcaption>Cost against mean")
          .append(" feedback p95 of each evaluated candidate (grey), the Pareto front in blue")
          .append(" (joined), today's pool as a black square and the recommendation as a red")
          .append(" ring; the dashed line is the feedback p95 objective.</figcaption></figure>\n");
      if (l.recommended() != null) {
        Path ts = l.runs().resolve(l.recommended().id()).resolve("r0").resolve("timeseries.csv");
        if (Files.isRegularFile(ts)) {
          h.append("<figure>")
              .append(queue(TimeSeries.read(ts)))
              .append("<figcaption>Queue")
              .append(" length (maximum per span, red) and busy slots (blue) over time of the")
              .append(" recommended plan ")
              .append(esc(l.recommended().id()))
              .append(", first replication.</figcaption></figure>\n");
        }
      }
    }
    return h.append("</body></html>\n").toString();
  }

  /**
   * One level's cost against mean feedback p95 as an inline SVG: every evaluated candidate (grey),
   * the Pareto front (blue, joined), today's pool (black square), the recommendation (red ring) and
   * the feedback p95 objective (dashed).
   */
  public static String front(Planner.Level l, Verdict verdict) {
    List<double[]> pts = new ArrayList<>();
    for (Map.Entry<Candidate, PlanSearch.Outcome> e : l.outcomes().entrySet()) {
      if (e.getValue().status() == PlanSearch.Status.EVALUATED) {
        pts.add(point(e.getValue().result()));
      }
    }
    double[] today = point(l.today());
    List<double[]> all = new ArrayList<>(pts);
    all.add(today);
    double maxX = 1e-9;
    double maxY = 1e-9;
    for (double[] p : all) {
      maxX = Math.max(maxX, p[0]);
      maxY = Math.max(maxY, p[1]);
    }
    double slo = verdict.sloP95Seconds();
    if (!Double.isNaN(slo)) {
      maxY = Math.max(maxY, slo * 1.1);
    }
    StringBuilder s = svgOpen("cost", "feedback p95 (s)", maxX, maxY);
    for (double[] p : pts) {
      s.append(circle(p, maxX, maxY, 3, "#999", "#999"));
    }
    List<double[]> front = pareto(pts);
    StringBuilder line = new StringBuilder();
    for (double[] p : front) {
      line.append(fmt(x(p[0], maxX))).append(',').append(fmt(y(p[1], maxY))).append(' ');
      s.append(circle(p, maxX, maxY, 4, "#1f5fbf", "#1f5fbf"));
    }
    s.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" points=\"").append(line).append("\"/>");
    if (!Double.isNaN(slo)) {
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%s\" y2=\"%s\" stroke=\"#444\" stroke-dasharray=\"4\"/>",
              PAD,
              W - 10,
              fmt(y(slo, maxY)),
              fmt(y(slo, maxY))));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%s\" y=\"%s\" width=\"8\" height=\"8\" fill=\"black\"/>",
            fmt(x(today[0], maxX) - 4),
            fmt(y(today[1], maxY) - 4)));
    if (l.recommendation() != null) {
      s.append(circle(point(l.recommendation()), maxX, maxY, 8, "none", "#d62728"));
    }
    return s.append("</svg>").toString();
  }

  /** The candidates no other beats on both cost and p95, by cost. */
  static List<double[]> pareto(List<double[]> pts) {
    List<double[]> sorted = new ArrayList<>(pts);
    sorted.removeIf(p -> Double.isNaN(p[0]) || Double.isNaN(p[1]));
    sorted.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    List<double[]> out = new ArrayList<>();
    double bestY = Double.POSITIVE_INFINITY;
    for (double[] p : sorted) {
      if (p[1] < bestY) {
        out.add(p);
        bestY = p[1];
      }
    }
    return out;
  }

  private static String queue(TimeSeries ts) {
    double maxX = 1e-9;
    double maxY = 1;
    for (TimeSeries.Point p : ts.points()) {
      maxX = Math.max(maxX, p.endS() / 60);
      maxY = Math.max(maxY, Math.max(p.queueMax(), p.busyMean()));
    }
    StringBuilder s = svgOpen("time (min)", "submissions", maxX, maxY);
    StringBuilder q = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (TimeSeries.Point p : ts.points()) {
      q.append(fmt(x(p.startS() / 60, maxX)))
          .append(',')
          .append(fmt(y(p.queueMax(), maxY)))
          .append(' ');
      b.append(fmt(x(p.startS() / 60, maxX)))
          .append(',')
          .append(fmt(y(p.busyMean(), maxY)))
          .append(' ');
    }
    s.append("<polyline fill=\"none\" stroke=\"#d62728\" points=\"").append(q).append("\"/>");
    s.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" points=\"").append(b).append("\"/>");
    return s.append("</svg>").toString();
  }

  private static StringBuilder svgOpen(String xLabel, String yLabel, double maxX, double maxY) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-size=\"11\">",
            W,
            H,
            W,
            H));
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>"
                + "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>",
            PAD,
            H - PAD,
            W - 10,
            H - PAD,
            PAD,
            PAD,
            H - PAD));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                + "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">%s"
                + "</text>",
            (W + PAD) / 2,
            H - 14,
            esc(xLabel),
            H / 2,
            H / 2,
            esc(yLabel)));
    for (int i = 0; i <= 4; i++) {
      double vx = maxX * i / 4;
      double vy = maxY * i / 4;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%s\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                  + "<text x=\"%d\" y=\"%s\" text-anchor=\"end\">%s</text>",
              fmt(x(vx, maxX)),
              H - PAD + 16,
              label(vx),
              PAD - 4,
              fmt(y(vy, maxY) + 4),
              label(vy)));
    }
    return s;
  }

  private static double[] point(ReplicatedComparison.Scenario s) {
    Interval p95 = s.intervals().get(SummaryKey.FEEDBACK_P95_S);
    return new double[] {s.mean().cost(), p95.mean()};
  }

  private static String circle(
      double[] p, double maxX, double maxY, int r, String fill, String stroke) {
    return String.format(
        Locale.ROOT,
        "<circle cx=\"%s\" cy=\"%s\" r=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>",
        fmt(x(p[0], maxX)),
        fmt(y(p[1], maxY)),
        r,
        fill,
        stroke);
  }

  private static double x(double v, double max) {
    return PAD + (W - 10 - PAD) * (Double.isNaN(v) ? 0 : v / max);
  }

  private static double y(double v, double max) {
    return H - PAD - (H - PAD - 10) * (Double.isNaN(v) ? 0 : Math.min(v, max) / max);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String label(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
  }

  /** {@code s} escaped for HTML text and attribute values. */
  public static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
