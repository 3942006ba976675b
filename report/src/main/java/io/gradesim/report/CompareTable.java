package io.gradesim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The terminal table: one line per scenario, text left-aligned and numbers right-aligned in columns
 * as wide as their widest cell. Runtimes whose costs come only from the literature carry a "(lit)"
 * mark.
 */
public final class CompareTable {
  private static final List<String> HEADER =
      List.of(
          "scenario",
          "agents x slots",
          "runtime",
          "cost",
          "fb p50 s",
          "fb p95 s",
          "fb p99 s",
          "wait p95 s",
          "peak queue",
          "util",
          "rejected",
          "SLO");

  /** Columns 0..2 are text (left-aligned); the rest are numbers (right-aligned). */
  private static final int TEXT_COLUMNS = 3;

  private CompareTable() {}

  /** The table's cells, header first. */
  static List<List<String>> cells(List<ReportRow> runs, Verdict verdict, Set<String> lit) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (ReportRow s : runs) {
      rows.add(
          List.of(
              s.scenario(),
              Formats.pool(s),
              lit.contains(s.runtime()) ? s.runtime() + " (lit)" : s.runtime(),
              Formats.cost(s.cost()),
              Formats.seconds(s.feedbackP50()),
              Formats.seconds(s.feedbackP95()),
              Formats.seconds(s.feedbackP99()),
              Formats.seconds(s.waitP95()),
              Formats.count(s.peakQueue()),
              Formats.percent(s.utilisation()),
              Formats.count(s.rejected()),
              verdict.meets(s) ? "yes" : "no"));
    }
    return rows;
  }

  /** The table as text lines ending in "\n", with a rule under the header. */
  public static String render(List<ReportRow> runs, Verdict verdict, Set<String> lit) {
    List<List<String>> rows = cells(runs, verdict, lit);
    int[] width = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), width);
      if (r == 0) {
        List<String> rule = new ArrayList<>();
        for (int w : width) {
          rule.add("-".repeat(w));
        }
        line(out, rule, width);
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> row, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      String cell = row.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      l.append(c == 0 ? "" : "  ").append(c < TEXT_COLUMNS ? cell + pad : pad + cell);
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }
}
