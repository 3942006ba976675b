package io.gradesim.report;

import io.gradesim.simulator.output.SummaryKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Scenarios compared over R replications each (runs with independent seeds): per scenario and
 * objective a t-interval of the mean of the per-run figure ({@link Interval}), and the verdict
 * under the rule "meets when, for every objective, the one-sided upper bound at the confidence is
 * within the limit"; among those the cheapest (mean cost) wins, ties to the lower mean feedback
 * p95, then fewer agents, then the name.
 */
public final class ReplicatedComparison {
  private final List<Scenario> scenarios;
  private final Verdict verdict;
  private final double confidence;
  private final java.util.Set<String> literature;

  /**
   * One scenario's replications.
   *
   * @param mean the row of means over the replications (name, pool and runtime of the first)
   * @param intervals per objective's metric (and feedback p95) its interval
   * @param standing the worst standing of its objectives
   */
  public record Scenario(
      ReportRow mean, Map<SummaryKey, Interval> intervals, Interval.Standing standing) {}

  /**
   * Compares {@code runs}, one list of replications per scenario; runtimes in {@code literature}
   * have published, not measured, stage costs.
   */
  public ReplicatedComparison(
      List<List<ReportRow>> runs,
      Verdict verdict,
      double confidence,
      java.util.Set<String> literature) {
    this.literature = java.util.Set.copyOf(literature);
    this.verdict = verdict;
    this.confidence = confidence;
    List<Scenario> out = new ArrayList<>();
    for (List<ReportRow> reps : runs) {
      out.add(scenario(reps, verdict, confidence));
    }
    this.scenarios = List.copyOf(out);
  }

  /** The interval and standing of one scenario's replications. */
  public static Scenario scenario(List<ReportRow> reps, Verdict verdict, double confidence) {
    Map<SummaryKey, Interval> intervals = new LinkedHashMap<>();
    List<SummaryKey> keys = new ArrayList<>(List.of(SummaryKey.FEEDBACK_P95_S));
    verdict.slos().forEach(o -> keys.add(o.metric()));
    for (SummaryKey k : keys) {
      intervals.computeIfAbsent(
          k,
          key -> Interval.of(reps.stream().mapToDouble(r -> r.value(key)).toArray(), confidence));
    }
    Interval.Standing standing = Interval.Standing.MEETS;
    for (Slo o : verdict.slos()) {
      standing = standing.and(intervals.get(o.metric()).against(o.limit()));
    }
    return new Scenario(mean(reps), intervals, standing);
  }

  /** The scenarios in the order given. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** The recommended scenario: the cheapest that meets every objective, if any does. */
  public Optional<Scenario> best() {
    return scenarios.stream().filter(s -> s.standing() == Interval.Standing.MEETS).min(order());
  }

  /** Cheaper first, then the lower mean feedback p95, then fewer agents, then the name. */
  public static Comparator<Scenario> order() {
    return Comparator.comparingDouble((Scenario s) -> nanLast(s.mean().cost()))
        .thenComparingDouble(s -> nanLast(s.intervals().get(SummaryKey.FEEDBACK_P95_S).mean()))
        .thenComparingDouble(s -> nanLast(s.mean().agents()))
        .thenComparing(s -> s.mean().scenario());
  }

  /** The terminal table, the rule and the verdict. */
  public String table() {
    List<List<String>> rows = cells();
    int[] width = new int[rows.get(0).size()];
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
    return out.append(rule()).append('\n').append(explain()).append('\n').toString();
  }

  /** The table's cells, header first. */
  List<List<String>> cells() {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("scenario", "agents x slots", "runtime", "cost"));
    for (SummaryKey k : scenarios.get(0).intervals().keySet()) {
      header.add(name(k) + " mean [" + percent() + " CI]");
      header.add(name(k) + " upper");
    }
    header.add("runs");
    header.add("SLO");
    rows.add(header);
    for (Scenario s : scenarios) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  s.mean().scenario(),
                  Formats.pool(s.mean()),
                  s.mean().runtime(),
                  Formats.cost(s.mean().cost())));
      for (Interval i : s.intervals().values()) {
        row.add(i.text());
        row.add(Formats.seconds(i.upperOneSided()));
      }
      row.add(Integer.toString(s.intervals().values().iterator().next().n()));
      row.add(s.standing().label());
      rows.add(row);
    }
    return rows;
  }

  /** The rule in one sentence. */
  public String rule() {
    return String.format(
        Locale.ROOT,
        "Rule: over %d replications per scenario (independent seeds), a scenario meets the "
            + "service level when the one-sided %s upper bound of the mean of each objective's "
            + "figure (a Student t-interval over the runs) is within it: %s; borderline when the "
            + "interval straddles it. Among those meeting it, the cheapest wins.",
        scenarios.get(0).intervals().values().iterator().next().n(),
        percent(),
        String.join(" and ", verdict.slos().stream().map(Slo::toString).toList()));
  }

  /** The verdict in one or two sentences. */
  public String explain() {
    long meeting = scenarios.stream().filter(s -> s.standing() == Interval.Standing.MEETS).count();
    long borderline =
        scenarios.stream().filter(s -> s.standing() == Interval.Standing.BORDERLINE).count();
    return best()
        .map(
            b ->
                String.format(
                    Locale.ROOT,
                    "Scenarios meeting it: %d of %d (%d borderline). The cheapest of them is %s: "
                        + "cost %s, feedback p95 %s s.",
                    meeting,
                    scenarios.size(),
                    borderline,
                    b.mean().scenario(),
                    Formats.cost(b.mean().cost()),
                    b.intervals().get(SummaryKey.FEEDBACK_P95_S).text()))
        .orElse(
            String.format(
                Locale.ROOT,
                "No scenario meets it with %s confidence (%d borderline).",
                percent(),
                borderline));
  }

  /** {@code compare.csv} over the replications: means, then each interval, then the standing. */
  public String csv() {
    List<String> header = new ArrayList<>(CompareCsv.COLUMNS);
    header.remove(header.size() - 1);
    header.add("replications");
    header.add("confidence");
    for (SummaryKey k : scenarios.get(0).intervals().keySet()) {
      for (String part : List.of("mean", "lower", "upper", "upper_one_sided")) {
        header.add(k.key() + "_" + part);
      }
    }
    header.add("slo");
    header.add("meets_slo");
    StringWriter text = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    try (CSVPrinter csv = new CSVPrinter(text, format)) {
      csv.printRecord(header);
      for (Scenario s : scenarios) {
        ReportRow m = s.mean();
        List<Object> row = new ArrayList<>();
        row.add(m.scenario());
        row.add(Formats.fixed(m.agents(), 0));
        row.add(Formats.fixed(m.slotsPerAgent(), 0));
        row.add(m.runtime());
        row.add(literature.contains(m.runtime()) ? "literature" : "measured");
        row.add(Formats.fixed(m.cost(), 4));
        row.add(Formats.fixed(m.feedbackP50(), 3));
        row.add(Formats.fixed(m.feedbackP95(), 3));
        row.add(Formats.fixed(m.feedbackP99(), 3));
        row.add(Formats.fixed(m.waitP95(), 3));
        row.add(Formats.fixed(m.peakQueue(), 1));
        row.add(Formats.fixed(m.utilisation(), 4));
        row.add(Formats.fixed(m.rejected(), 1));
        row.add(Formats.fixed(m.submissions(), 0));
        row.add(s.intervals().values().iterator().next().n());
        row.add(Formats.fixed(confidence, 3));
        for (Interval i : s.intervals().values()) {
          row.add(Formats.fixed(i.mean(), 3));
          row.add(Formats.fixed(i.lower(), 3));
          row.add(Formats.fixed(i.upper(), 3));
          row.add(Formats.fixed(i.upperOneSided(), 3));
        }
        row.add(s.standing().label());
        row.add(s.standing() == Interval.Standing.MEETS);
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The page's section: the table of intervals and the verdict. */
  String html() {
    List<List<String>> cells = cells();
    String best = best().map(s -> s.mean().scenario()).orElse(null);
    StringBuilder h = new StringBuilder("<h2>Replications</h2>\n<table>\n<tr>");
    cells.get(0).forEach(c -> h.append("<th>").append(ReportPage.esc(c)).append("</th>"));
    h.append("</tr>\n");
    for (int r = 1; r < cells.size(); r++) {
      List<String> row = cells.get(r);
      h.append(row.get(0).equals(best) ? "<tr class=\"best\">" : "<tr>");
      for (int c = 0; c < row.size(); c++) {
        h.append(c < 3 ? "<td>" : "<td class=\"n\">")
            .append(ReportPage.esc(row.get(c)))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    return h.append("</table>\n<p class=\"verdict\"><strong>Verdict over replications.</strong> ")
        .append(ReportPage.esc(rule() + " " + explain()))
        .append("</p>\n<p class=\"small\">The charts below show each scenario's first run.</p>\n")
        .toString();
  }

  private String percent() {
    return Formats.percent(confidence).replace("%", " %");
  }

  private static String name(SummaryKey k) {
    String key = k.key();
    return (key.endsWith("_s") ? key.substring(0, key.length() - 2) : key).replace('_', ' ');
  }

  private static double nanLast(double v) {
    return Double.isNaN(v) ? Double.MAX_VALUE : v;
  }

  private static ReportRow mean(List<ReportRow> reps) {
    ReportRow f = reps.get(0);
    return new ReportRow(
        f.scenario(),
        f.agents(),
        f.slotsPerAgent(),
        f.runtime(),
        avg(reps, ReportRow::cost),
        avg(reps, ReportRow::feedbackP50),
        avg(reps, ReportRow::feedbackP95),
        avg(reps, ReportRow::feedbackP99),
        avg(reps, ReportRow::waitP95),
        avg(reps, ReportRow::peakQueue),
        avg(reps, ReportRow::utilisation),
        avg(reps, ReportRow::submissions),
        avg(reps, ReportRow::rejected),
        f.provenance());
  }

  private static double avg(
      List<ReportRow> reps, java.util.function.ToDoubleFunction<ReportRow> f) {
    return reps.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static void line(StringBuilder out, List<String> row, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      String cell = row.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      l.append(c == 0 ? "" : "  ").append(c < 3 ? cell + pad : pad + cell);
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }
}
