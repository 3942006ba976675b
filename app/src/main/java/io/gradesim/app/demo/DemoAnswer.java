package io.gradesim.app.demo;

import io.gradesim.app.plan.Replications;
import io.gradesim.app.sweep.ScenarioSweep;
import io.gradesim.report.Interval;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.report.ReplicatedComparison.Scenario;
import io.gradesim.report.ReportRow;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.output.SummaryKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's answer at one load level, read from a {@code compare --replications R} of the bundled
 * plans: whether today's pool meets the service level, the cheapest plan that does, and the
 * feedback p95 of vertical against horizontal scaling (the same cores in one agent or in many).
 *
 * @param load the load level's label, e.g. {@code 2x}
 * @param comparison the plans over their replications
 */
record DemoAnswer(String load, ReplicatedComparison comparison) {
  static final String TODAY = "inginious-today";
  static final String VERTICAL = "vertical";
  static final String HORIZONTAL = "horizontal";

  /** Reads the runs of {@code names} that {@code compare --out dir --replications r} wrote. */
  static DemoAnswer read(String load, Path dir, List<String> names, int r, Verdict verdict)
      throws IOException {
    List<List<ReportRow>> runs = new ArrayList<>();
    for (String name : names) {
      Path first = dir.resolve(ScenarioSweep.RUNS).resolve(name);
      List<ReportRow> reps = new ArrayList<>(List.of(ReportRow.read(first)));
      for (int i = 1; i < r; i++) {
        reps.add(ReportRow.read(Replications.dir(first, i)));
      }
      runs.add(reps);
    }
    return new DemoAnswer(load, new ReplicatedComparison(runs, verdict, 0.95, Set.of()));
  }

  /** The cheapest plan meeting the service level with 95 % confidence, if any does. */
  Optional<Scenario> cheapest() {
    return comparison.best();
  }

  /** The plan called {@code name}, if it was compared. */
  Optional<Scenario> plan(String name) {
    return comparison.scenarios().stream()
        .filter(s -> s.mean().scenario().equals(name))
        .findFirst();
  }

  /** Today's pool: its standing against the service level, with its feedback p95. */
  String today() {
    return plan(TODAY)
        .map(s -> s.standing().label() + " (feedback p95 " + p95(s).text() + " s)")
        .orElse("not compared");
  }

  /** The cheapest plan meeting the service level, with its cost and feedback p95. */
  String recommendation() {
    return cheapest()
        .map(
            s ->
                String.format(
                    Locale.ROOT,
                    "%s (cost %.2f, feedback p95 %s s)",
                    s.mean().scenario(),
                    s.mean().cost(),
                    p95(s).text()))
        .orElse("no bundled plan meets it");
  }

  /**
   * Vertical against horizontal: the feedback p95 gain of the 16-core agent over 8 agents of 2
   * cores, or "equal" with the reason when their intervals overlap.
   */
  String verticalAgainstHorizontal() {
    Optional<Scenario> v = plan(VERTICAL);
    Optional<Scenario> h = plan(HORIZONTAL);
    if (v.isEmpty() || h.isEmpty()) {
      return "not compared";
    }
    Interval iv = p95(v.get());
    Interval ih = p95(h.get());
    String figures =
        String.format(Locale.ROOT, "vertical %s s, horizontal %s s", iv.text(), ih.text());
    if (iv.lower() <= ih.upper() && ih.lower() <= iv.upper()) {
      return "equal within the 95 % intervals ("
          + figures
          + "), because the pool is seldom busy enough for the agent's concurrent container"
          + " operations, where the two differ, to add up";
    }
    boolean verticalWins = iv.mean() < ih.mean();
    double gain = Math.abs(iv.mean() - ih.mean());
    return String.format(
        Locale.ROOT,
        "%s is faster by %.1f s at p95 (%s)",
        verticalWins ? "vertical" : "horizontal",
        gain,
        figures);
  }

  private static Interval p95(Scenario s) {
    return s.intervals().get(SummaryKey.FEEDBACK_P95_S);
  }
}
