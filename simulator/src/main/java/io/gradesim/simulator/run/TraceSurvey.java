package io.gradesim.simulator.run;

import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.stats.GradingTimeEstimate;
import io.gradesim.traces.stats.TaskEstimate;
import io.gradesim.traces.synth.DurationDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace as one scenario sees it: the trace's own part ({@link TraceScan}: hash, strict check,
 * first and last arrival, computed once per command and shared by every scenario) and where
 * each task's grading time will come from: {@code trace} (grading_ms), {@code scenario},
 * {@code estimated} (from completions of quiet moments, {@link GradingTimeEstimate}), or a mix
 * such as {@code trace+scenario}.
 *
 * @param hash SHA-256 of the file's bytes
 * @param submissions rows in the trace
 * @param first the first arrival, or null for an empty trace
 * @param last the last arrival, or null for an empty trace
 * @param sources grading-time source per task
 * @param grading the grading times the run will use
 * @param scan the trace's part, which the run reads its rows from
 */
public record TraceSurvey(String hash, long submissions, Instant first, Instant last,
    Map<String, String> sources, GradingTimes grading, TraceScan scan) {

  /** Surveys {@code trace} for {@code scenario}; errors name the file, line and field or task. */
  public static TraceSurvey of(Path trace, ScenarioSettings scenario) throws IOException {
    return of(TraceScan.of(trace), scenario);
  }

  /** The survey of the scanned trace for {@code scenario}; errors name the file and task. */
  public static TraceSurvey of(TraceScan scan, ScenarioSettings scenario) throws IOException {
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
        GradingTimeEstimate estimate = scan.estimate();
        String course = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
        TaskEstimate te = estimate.forTask(course, task).orElseThrow(() ->
            new IllegalArgumentException(trace + ": task '" + task + "' (course " + course
                + ") has no grading time: no grading_ms, no completed_at to estimate from, and"
                + " no grading.tasks." + task + " or grading.default in the scenario"));
        estimated.put(e.getKey(), te.distribution());
        rest = "estimated";
      }
      String src = c[1] == 0 ? rest : rest == null ? "trace" : "trace+" + rest;
      sources.merge(task, src, (a, b) -> a.equals(b) ? a : a + "," + b);
    }
    return new TraceSurvey(scan.hash(), scan.submissions(), scan.first(), scan.last(), sources,
        new GradingTimes(g.tasks(), g.fallback(), estimated), scan);
  }

  /** SHA-256 (hex) of a file's bytes. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
