package io.gradesim.simulator.run;

import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.stats.GradingTimeEstimate;
import io.gradesim.traces.stats.RecordedOverhead;
import io.gradesim.traces.stats.TaskEstimate;
import io.gradesim.traces.synth.DurationDistribution;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace as one scenario sees it: the trace's own part ({@link TraceScan}: hash, strict check,
 * first and last arrival, computed once per command and shared by every scenario) and where each
 * task's grading time will come from: {@code trace} (grading_ms), {@code scenario}, {@code
 * estimated} (from completions of quiet moments, {@link GradingTimeEstimate}), or a mix such as
 * {@code trace+scenario}. With {@code grading.recorded-runtime}, estimated grading times leave out
 * the recorded platform's container overhead ({@link RecordedOverhead}).
 *
 * @param sources grading-time source per task
 * @param grading the grading times the run will use
 * @param scan the trace's part, which the run reads its rows from
 * @param note a line for the user about the recorded overhead subtracted (and samples clamped), or
 *     ""
 */
public record TraceSurvey(
    Map<String, String> sources, GradingTimes grading, TraceScan scan, String note) {

  /** SHA-256 of the file's bytes. */
  public String hash() {
    return scan.hash();
  }

  /** Rows in the trace. */
  public long submissions() {
    return scan.submissions();
  }

  /** The first arrival, or null for an empty trace. */
  public Instant first() {
    return scan.first();
  }

  /** The last arrival, or null for an empty trace. */
  public Instant last() {
    return scan.last();
  }

  /** The survey of the scanned trace for {@code scenario}; errors name the file and task. */
  public static TraceSurvey of(TraceScan scan, ScenarioSettings scenario) throws IOException {
    return of(scan, scenario, RecordedOverhead.NONE);
  }

  /**
   * The survey of the scanned trace for {@code scenario}, estimated grading times without {@code
   * overhead}; errors name the file and task.
   */
  public static TraceSurvey of(TraceScan scan, ScenarioSettings scenario, RecordedOverhead overhead)
      throws IOException {
    long clamped = 0;
    long samples = 0;
    Path trace = scan.trace();
    ScenarioSettings.Grading g = scenario.grading();
    Map<String, String> sources = new TreeMap<>();
    Map<String, DurationDistribution> estimated = new HashMap<>();
    for (Map.Entry<String, long[]> e : scan.tasks().entrySet()) {
      String task = scan.taskOf(e.getKey());
      long[] c = e.getValue();
      String rest;
      if (c[1] == c[0]) {
        rest = null;
      } else if (g.tasks().containsKey(task) || g.fallback() != null) {
        rest = "scenario";
      } else {
        GradingTimeEstimate estimate = scan.estimate(overhead);
        String course = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
        TaskEstimate te =
            estimate
                .forTask(course, task)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            trace
                                + ": task '"
                                + task
                                + "' (course "
                                + course
                                + ") has no grading time: no grading_ms, no completed_at to estimate from, and"
                                + " no grading.tasks."
                                + task
                                + " or grading.default in the scenario"));
        estimated.put(e.getKey(), te.distribution());
        clamped += te.clamped();
        samples += te.samples();
        rest = "estimated";
      }
      String src = c[1] == 0 ? rest : rest == null ? "trace" : "trace+" + rest;
      sources.merge(task, src, (a, b) -> a.equals(b) ? a : a + "," + b);
    }
    String note = "";
    if (overhead.any() && samples > 0) {
      note =
          String.format(
              Locale.ROOT,
              "grading.recorded-runtime = %s: %.3f s of recorded container overhead per job taken"
                  + " out of estimated grading times (%s)",
              overhead.runtime(),
              overhead.overheadMs() / 1000,
              overhead.detail());
      if (clamped > 0) {
        note +=
            String.format(
                Locale.ROOT,
                "; %d of %d quiet samples were shorter and clamped at %.0f ms",
                clamped,
                samples,
                overhead.floorMs());
      }
    }
    return new TraceSurvey(
        sources, new GradingTimes(g.tasks(), g.fallback(), estimated), scan, note);
  }
}
