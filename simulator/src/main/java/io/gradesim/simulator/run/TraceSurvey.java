package io.gradesim.simulator.run;

import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
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
import java.util.stream.Stream;

/**
 * A first pass over a trace before a run: its SHA-256, a strict check of every row (a bad row,
 * or a second row with the same id, stops the command before any output exists), and where
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
 */
public record TraceSurvey(String hash, long submissions, Instant first, Instant last,
    Map<String, String> sources, GradingTimes grading) {

  /** Surveys {@code trace} for {@code scenario}; errors name the file, line and field or task. */
  public static TraceSurvey of(Path trace, ScenarioSettings scenario) throws IOException {
    if (!Files.isRegularFile(trace)) {
      throw new IllegalArgumentException(trace + ": trace file not found");
    }
    String hash = sha256(trace);
    Map<String, long[]> rows = new HashMap<>(); // course\0task -> {rows, with grading_ms}
    Map<String, String> taskOf = new HashMap<>();
    long count = 0;
    Instant first = null;
    Instant last = null;
    try (Stream<Submission> s = CanonicalTraceReader.readUnique(trace, RejectSink.STRICT)) {
      for (Submission sub : (Iterable<Submission>) s::iterator) {
        count++;
        first = first == null ? sub.submittedAt() : first;
        last = sub.submittedAt();
        if (sub.environmentType().equals("mcq")) {
          continue;
        }
        String key = GradingTimes.courseTask(sub.course(), sub.task());
        long[] c = rows.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        c[1] += sub.gradingMs() != null ? 1 : 0;
        taskOf.putIfAbsent(key, sub.task());
      }
    }
    ScenarioSettings.Grading g = scenario.grading();
    Map<String, String> sources = new TreeMap<>();
    Map<String, DurationDistribution> estimated = new HashMap<>();
    GradingTimeEstimate estimate = null;
    for (Map.Entry<String, long[]> e : new TreeMap<>(rows).entrySet()) {
      String task = taskOf.get(e.getKey());
      long[] c = e.getValue();
      String rest;
      if (c[1] == c[0]) {
        rest = null;
      } else if (g.tasks().containsKey(task) || g.fallback() != null) {
        rest = "scenario";
      } else {
        if (estimate == null) {
          estimate = GradingTimeEstimate.fromTrace(trace);
        }
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
    return new TraceSurvey(hash, count, first, last, sources,
        new GradingTimes(g.tasks(), g.fallback(), estimated));
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

  /** Opens the trace for the run itself (strict: the survey already accepted every row). */
  static Stream<Submission> open(Path trace) throws IOException {
    return CanonicalTraceReader.read(trace, RejectSink.STRICT);
  }
}
