package io.gradesim.traces.stats;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The figures {@code trace inspect} prints, gathered in one streaming pass: counts, time span,
 * arrivals per minute, counts per task, environment and result, and grading-time percentiles (an
 * HdrHistogram of milliseconds with 3 significant digits).
 *
 * @param submissions rows read
 * @param rejected rows the reader rejected
 * @param first earliest arrival, or null for an empty trace
 * @param last latest arrival, or null
 * @param perMinute arrivals per minute from the first arrival's minute to the last's
 * @param tasks rows per {@code course/task}
 * @param environments rows per environment
 * @param results rows per result ({@code (none)} when empty)
 * @param withCompletion rows with {@code completed_at}
 * @param grading grading_ms values, empty when the trace has none
 */
public record TraceStatistics(
    long submissions,
    long rejected,
    Instant first,
    Instant last,
    int[] perMinute,
    Map<String, Long> tasks,
    Map<String, Long> environments,
    Map<String, Long> results,
    long withCompletion,
    Histogram grading) {

  /** Reads {@code trace} once. */
  public static TraceStatistics of(Path trace, RejectSink rejects) throws IOException {
    long[] counts = new long[3];
    Instant[] span = new Instant[2];
    int[][] minutes = {new int[64]};
    Map<String, Long> tasks = new TreeMap<>();
    Map<String, Long> envs = new TreeMap<>();
    Map<String, Long> results = new TreeMap<>();
    Histogram grading = new Histogram(3);
    RejectSink counting =
        e -> {
          counts[1]++;
          rejects.reject(e);
        };
    try (Stream<Submission> rows = CanonicalTraceReader.read(trace, counting)) {
      rows.forEach(
          s -> {
            counts[0]++;
            if (span[0] == null) {
              span[0] = s.submittedAt();
            }
            span[1] = s.submittedAt();
            long minute = (s.submittedAt().getEpochSecond() - minuteOf(span[0])) / 60;
            if (minute >= minutes[0].length) {
              minutes[0] =
                  Arrays.copyOf(minutes[0], (int) Math.max(minute + 1, minutes[0].length * 2L));
            }
            minutes[0][(int) minute]++;
            tasks.merge(s.course() + "/" + s.task(), 1L, Long::sum);
            envs.merge(s.environment(), 1L, Long::sum);
            results.merge(s.result() == null ? "(none)" : s.result(), 1L, Long::sum);
            if (s.completedAt() != null) {
              counts[2]++;
            }
            if (s.gradingMs() != null) {
              grading.recordValue(s.gradingMs());
            }
          });
    }
    int spanMinutes =
        span[0] == null ? 0 : (int) ((span[1].getEpochSecond() - minuteOf(span[0])) / 60 + 1);
    return new TraceStatistics(
        counts[0],
        counts[1],
        span[0],
        span[1],
        Arrays.copyOf(minutes[0], spanMinutes),
        tasks,
        envs,
        results,
        counts[2],
        grading);
  }

  private static long minuteOf(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), 60) * 60;
  }

  /** Mean arrivals per minute over the span. */
  public double meanPerMinute() {
    return perMinute.length == 0 ? 0 : (double) submissions / perMinute.length;
  }

  /** The 95th percentile of arrivals per minute (nearest rank). */
  public int p95PerMinute() {
    if (perMinute.length == 0) {
      return 0;
    }
    int[] sorted = perMinute.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
  }

  /** The busiest minute's index (the earliest on ties), or -1 for an empty trace. */
  public int peakMinute() {
    int best = -1;
    for (int i = 0; i < perMinute.length; i++) {
      if (best < 0 || perMinute[i] > perMinute[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The start of minute {@code index} of the span. */
  public Instant minuteStart(int index) {
    return Instant.ofEpochSecond(minuteOf(first) + 60L * index);
  }
}
