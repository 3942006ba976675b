package io.gradesim.simulator.run;

import io.gradesim.files.Sha256;
import io.gradesim.simulator.engine.SubmissionSource;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.stats.GradingTimeEstimate;
import io.gradesim.traces.stats.RecordedOverhead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a command learns about a trace before any run, once whatever the number of scenarios
 * replaying it: its SHA-256, a strict check of every row (a bad row, or a second row with the same
 * id, stops the command before any output exists), first and last arrival, per task how many rows
 * have a grading time, and, when it fits the heap budget, the parsed rows themselves ({@link
 * TraceColumns}) so that the runs replay them without reading the file again. The scenario's part
 * ({@link TraceSurvey}) is derived from it.
 */
public final class TraceScan {
  private final Path trace;
  private final String hash;
  private final long submissions;
  private final Instant first;
  private final Instant last;
  private final long longestFeedbackMicros;
  private final Map<String, long[]> tasks;
  private final Map<String, String> taskOf;
  private final TraceColumns columns;
  private final Map<RecordedOverhead, GradingTimeEstimate> estimates = new HashMap<>();

  private TraceScan(
      Path trace,
      String hash,
      long submissions,
      Instant first,
      Instant last,
      long longestFeedbackMicros,
      Map<String, long[]> tasks,
      Map<String, String> taskOf,
      TraceColumns columns) {
    this.trace = trace;
    this.hash = hash;
    this.submissions = submissions;
    this.first = first;
    this.last = last;
    this.longestFeedbackMicros = longestFeedbackMicros;
    this.tasks = Collections.unmodifiableMap(tasks);
    this.taskOf = Map.copyOf(taskOf);
    this.columns = columns;
  }

  /** Scans {@code trace} without keeping its rows (a single run streams the file itself). */
  public static TraceScan of(Path trace) throws IOException {
    return of(trace, 0);
  }

  /**
   * Scans {@code trace}, keeping its rows in memory while they take at most {@code budget} bytes
   * (0: never); errors name the file, line and field.
   */
  public static TraceScan of(Path trace, long budget) throws IOException {
    if (!Files.isRegularFile(trace)) {
      throw new IllegalArgumentException(trace + ": trace file not found");
    }
    String hash = Sha256.ofFile(trace);
    Map<String, long[]> rows = new HashMap<>(); // course\0task -> {rows, with grading_ms}
    Map<String, String> taskOf = new HashMap<>();
    TraceColumns columns = budget > 0 ? new TraceColumns() : null;
    long count = 0;
    Instant first = null;
    Instant last = null;
    long longest = 0;
    try (Stream<Submission> s = CanonicalTraceReader.readUnique(trace, RejectSink.STRICT)) {
      for (Submission sub : (Iterable<Submission>) s::iterator) {
        count++;
        first = first == null ? sub.submittedAt() : first;
        last = sub.submittedAt();
        if (sub.completedAt() != null) {
          longest = Math.max(longest, ChronoUnit.MICROS.between(last, sub.completedAt()));
        }
        if (columns != null) {
          columns.add(sub);
          if ((count & 0xffff) == 0 && columns.bytes() > budget) {
            columns = null; // too big to hold: every run streams the file instead
          }
        }
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
    if (columns != null && columns.bytes() > budget) {
      columns = null;
    }
    return new TraceScan(
        trace, hash, count, first, last, longest, new TreeMap<>(rows), taskOf, columns);
  }

  /** The scanned file. */
  public Path trace() {
    return trace;
  }

  /** SHA-256 (hex) of the file's bytes. */
  public String hash() {
    return hash;
  }

  /** Rows in the trace. */
  public long submissions() {
    return submissions;
  }

  /** The first arrival, or null for an empty trace. */
  public Instant first() {
    return first;
  }

  /** The last arrival, or null for an empty trace. */
  public Instant last() {
    return last;
  }

  /** The longest recorded feedback ({@code completed_at - submitted_at}), 0 without any. */
  public Duration longestFeedback() {
    return Duration.ofNanos(longestFeedbackMicros * 1000);
  }

  /**
   * When a closed-loop exam closes unless told: the last arrival plus the longest recorded feedback
   * (null for an empty trace).
   */
  public Instant defaultClose() {
    return last == null ? null : last.plus(longestFeedback());
  }

  /** Per course and task ({@link GradingTimes#courseTask}, sorted): rows, rows with grading_ms. */
  Map<String, long[]> tasks() {
    return tasks;
  }

  /** The task name of a {@link GradingTimes#courseTask} key. */
  String taskOf(String key) {
    return taskOf.get(key);
  }

  /** Whether the rows are held in memory (then runs do not read the file). */
  public boolean inMemory() {
    return columns != null;
  }

  /**
   * The grading-time estimate from the trace's completions without {@code overhead}, computed at
   * the first call for that overhead (scenarios of a sweep share it).
   */
  synchronized GradingTimeEstimate estimate(RecordedOverhead overhead) throws IOException {
    GradingTimeEstimate e = estimates.get(overhead);
    if (e == null) {
      e = GradingTimeEstimate.fromTrace(trace, overhead);
      estimates.put(overhead, e);
    }
    return e;
  }

  /**
   * Opens the rows for one run: from memory when held, else a strict stream of the file (the scan
   * already accepted every row); close the returned feed when the run ends.
   */
  Feed open() throws IOException {
    if (columns != null) {
      return new Feed(columns.source(), () -> {});
    }
    Stream<Submission> s = CanonicalTraceReader.read(trace, RejectSink.STRICT);
    return new Feed(SubmissionSource.of(s.iterator()), s::close);
  }

  /** A run's rows and how to release them. */
  record Feed(SubmissionSource source, Runnable close) {}
}
