package io.gradesim.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, no external address)
 * with the table, the verdict, and the charts, each with a caption saying what to read from it.
 */
final class ReportPage {
  static final int WIDE = 900;
  static final int TALL = 430;
  static final int SMALL_W = 440;
  static final int SMALL_H = 300;

  private static final String CSS =
      """
      body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}
      h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
      table{border-collapse:collapse;font-size:.9em}
      th,td{padding:.3em .6em;border-bottom:1px solid #e4e4e4}
      th{text-align:left;background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
      tr.best td{background:#eaf5e4;font-weight:bold}
      .verdict{background:#f6f8fb;border-left:4px solid #4e79a7;padding:.8em 1em}
      figure{margin:1.2em 0}figure svg{width:100%;height:auto;display:block}
      figcaption{font-size:.9em;color:#444;margin-top:.3em}
      .grid{display:grid;grid-template-columns:1fr 1fr;gap:0 1em}
      .lit{color:#a05a00}.small{font-size:.85em;color:#555}
      """;

  private ReportPage() {}

  /** The page for {@code runs}; {@code costs} may be empty (no profile given). */
  static String render(
      List<RunResult> runs,
      Optional<StageCostTable> costs,
      Verdict verdict,
      Set<String> literature) {
    return render(runs, costs, verdict, literature, Optional.empty());
  }

  /** The page, with {@code replicated} (a section of intervals) instead of the one-run table. */
  static String render(
      List<RunResult> runs,
      Optional<StageCostTable> costs,
      Verdict verdict,
      Set<String> literature,
      Optional<String> replicated) {
    List<ReportRow> summaries = runs.stream().map(RunResult::summary).toList();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>gradesim: ")
        .append(runs.size())
        .append(" capacity plans compared")
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n")
        .append("<h1>Capacity plans compared</h1>\n<p>")
        .append(runs.size())
        .append(
            " scenarios replayed on the same submissions. Times are in seconds; feedback is "
                + "the time from submission to result, wait the time in the queue.</p>\n");
    if (replicated.isPresent()) {
      h.append(replicated.get());
    } else {
      table(h, summaries, verdict, literature);
      h.append("<p class=\"verdict\"><strong>Verdict.</strong> ")
          .append(esc(verdict.rule()))
          .append(' ')
          .append(esc(verdict.explain(summaries)))
          .append("</p>\n");
    }
    if (!literature.isEmpty()) {
      h.append(
          "<p class=\"lit small\">(lit): this runtime cannot run on the calibrated host; "
              + "its stage costs are published figures (source: literature), not measurements.</p>\n");
    }
    figures(h, runs, costs, verdict);
    h.append("<h2>Runs</h2>\n<ul class=\"small\">\n");
    for (RunResult r : runs) {
      h.append("<li>")
          .append(esc(r.name()))
          .append(": ")
          .append(
              esc(
                  r.summary().provenance().isEmpty()
                      ? "no provenance recorded"
                      : r.summary().provenance()))
          .append("</li>\n");
    }
    return h.append("</ul>\n</body>\n</html>\n").toString();
  }

  private static void table(
      StringBuilder h, List<ReportRow> runs, Verdict verdict, Set<String> literature) {
    List<List<String>> cells = CompareTable.cells(runs, verdict, literature);
    String best = verdict.best(runs).map(ReportRow::scenario).orElse(null);
    h.append("<table>\n<tr>");
    cells.get(0).forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr>\n");
    for (int r = 1; r < cells.size(); r++) {
      List<String> row = cells.get(r);
      h.append(row.get(0).equals(best) ? "<tr class=\"best\">" : "<tr>");
      for (int c = 0; c < row.size(); c++) {
        h.append(c < 3 ? "<td>" : "<td class=\"n\">").append(esc(row.get(c))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void figures(
      StringBuilder h, List<RunResult> runs, Optional<StageCostTable> costs, Verdict verdict) {
    h.append("<h2>Feedback time</h2>\n");
    double slowest =
        runs.stream()
            .mapToDouble(r -> r.feedback().feedbackAt(1))
            .filter(v -> !Double.isNaN(v))
            .max()
            .orElse(0);
    String slo = Formats.seconds(verdict.sloP95Seconds());
    figure(
        h,
        ReportCharts.feedbackCdf(runs, verdict.sloP95Seconds()),
        "cdf",
        WIDE,
        TALL,
        "Read where each line crosses the dotted p95 line: 95 % of students had feedback by "
            + "then. Lines further left are better; "
            + (ReportCharts.sloVisible(slowest, verdict.sloP95Seconds())
                ? "the vertical line is the SLO of " + slo + " s."
                : "the SLO of "
                    + slo
                    + " s lies far right of the axis: every result came well "
                    + "within it."));
    h.append("<h2>Queue and busy slots</h2>\n<div class=\"grid\">\n");
    double yMax =
        runs.stream()
            .flatMap(r -> r.series().points().stream())
            .mapToDouble(p -> Math.max(p.queueMax(), Math.max(p.busyMean(), p.slotsMax())))
            .max()
            .orElse(1);
    for (int i = 0; i < runs.size(); i++) {
      RunResult r = runs.get(i);
      double peak =
          r.series().points().stream().mapToDouble(TimeSeries.Point::queueMax).max().orElse(0);
      figure(
          h,
          ReportCharts.queueAndBusy(r, i, yMax),
          "queue-" + i,
          SMALL_W,
          SMALL_H,
          r.name()
              + ": when busy slots reach the slots up (grey) while the queue climbs, the "
              + "pool is saturated; the queue peaks at "
              + Formats.count(peak)
              + " submissions.");
    }
    h.append("</div>\n<h2>Agents and arrivals</h2>\n");
    figure(
        h,
        ReportCharts.agentsAndArrivals(runs),
        "agents",
        WIDE,
        TALL,
        "An autoscaled pool should rise and fall with the grey arrival rate (right axis), "
            + "lagging by its provisioning delay; a fixed pool stays flat.");
    h.append("<h2>Stage costs per runtime</h2>\n");
    if (costs.isEmpty()) {
      h.append("<p>No calibration profile was given, so stage costs are not shown.</p>\n");
      return;
    }
    figure(
        h,
        StageCostChart.of(costs.get()),
        "stages",
        WIDE,
        380,
        "Lower boxes are faster container stages; each box runs from the median to p90 and its "
            + "whisker to p99, so a tall box means erratic costs. Shaded runtimes marked "
            + "[literature] are published figures, not measured on this host.");
  }

  private static void figure(
      StringBuilder h, JFreeChart chart, String id, int w, int ht, String caption) {
    h.append("<figure id=\"fig-")
        .append(id)
        .append("\">\n")
        .append(SvgFigure.render(chart, id, w, ht))
        .append("\n<figcaption>")
        .append(esc(caption))
        .append("</figcaption>\n</figure>\n");
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
