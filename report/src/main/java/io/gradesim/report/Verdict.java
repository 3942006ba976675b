package io.gradesim.report;

import io.gradesim.simulator.output.SummaryKey;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's plain-language verdict under one stated rule: a scenario meets the service level
 * when every objective holds (by default its feedback p95 is at most 60 s); among those, the
 * cheapest wins (ties: the lower p95, then the name). When none meets it, the one with the lowest
 * p95 is named.
 *
 * @param slos the objectives, at least one
 */
public record Verdict(List<Slo> slos) {

  /** Copies the objectives. */
  public Verdict {
    if (slos.isEmpty()) {
      throw new IllegalArgumentException("a verdict needs at least one objective");
    }
    slos = List.copyOf(slos);
  }

  /** The verdict on the one objective "feedback p95 at most {@code sloP95Seconds}". */
  public Verdict(double sloP95Seconds) {
    this(List.of(Slo.feedbackP95(sloP95Seconds)));
  }

  /** The limit on feedback p95 when an objective bounds it, else NaN. */
  public double sloP95Seconds() {
    return slos.stream()
        .filter(o -> o.metric() == SummaryKey.FEEDBACK_P95_S)
        .mapToDouble(Slo::limit)
        .min()
        .orElse(Double.NaN);
  }

  /** Whether {@code s} meets the service level (an unknown figure does not). */
  public boolean meets(ReportRow s) {
    return slos.stream().allMatch(o -> o.meets(s.value(o.metric())));
  }

  /** The recommended scenario: the cheapest that meets the level, if any does. */
  public Optional<ReportRow> best(List<ReportRow> runs) {
    return runs.stream()
        .filter(this::meets)
        .min(
            Comparator.comparingDouble(
                    (ReportRow s) -> Double.isNaN(s.cost()) ? Double.MAX_VALUE : s.cost())
                .thenComparingDouble(ReportRow::feedbackP95)
                .thenComparing(ReportRow::scenario));
  }

  /** The rule in one sentence. */
  public String rule() {
    if (slos.size() > 1 || slos.get(0).metric() != SummaryKey.FEEDBACK_P95_S) {
      return "Rule: a scenario meets the service level when "
          + String.join(" and ", slos.stream().map(Slo::toString).toList())
          + "; among those, the cheapest wins.";
    }
    double sloP95Seconds = slos.get(0).limit();
    return String.format(
        Locale.ROOT,
        "Rule: a scenario meets the service level when 95 %% of "
            + "students get feedback within %s s (feedback p95 <= %s s); among those, the cheapest "
            + "wins.",
        Formats.seconds(sloP95Seconds),
        Formats.seconds(sloP95Seconds));
  }

  /** The verdict in plain language (two or three sentences). */
  public String explain(List<ReportRow> runs) {
    long meeting = runs.stream().filter(this::meets).count();
    Optional<ReportRow> best = best(runs);
    if (best.isPresent()) {
      ReportRow b = best.get();
      String unpriced =
          b.cost() == 0
              ? " Its cost is 0 because its scenario sets no prices: "
                  + "costs compare only between priced scenarios."
              : "";
      return String.format(
          Locale.ROOT,
          "Scenarios meeting it: %d of %d. The cheapest of them is "
              + "%s: cost %s, feedback p95 %s s, p99 %s s.%s",
          meeting,
          runs.size(),
          b.scenario(),
          Formats.cost(b.cost()),
          Formats.seconds(b.feedbackP95()),
          Formats.seconds(b.feedbackP99()),
          unpriced);
    }
    Optional<ReportRow> closest =
        runs.stream()
            .filter(s -> !Double.isNaN(s.feedbackP95()))
            .min(
                Comparator.comparingDouble(ReportRow::feedbackP95)
                    .thenComparing(ReportRow::scenario));
    return closest
        .map(
            c ->
                String.format(
                    Locale.ROOT,
                    "No scenario meets it. The closest is %s "
                        + "with feedback p95 %s s: add capacity or a faster runtime.",
                    c.scenario(),
                    Formats.seconds(c.feedbackP95())))
        .orElse("No scenario has a feedback p95: nothing was delivered.");
  }
}
