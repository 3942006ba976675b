package io.gradesim.traces.stats;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Per-task grading-time estimates for traces that record completions but no durations (INGInious
 * exports: {@code completed_at} is the archive ObjectId's second).
 *
 * <p>A submission's sojourn (completed_at - submitted_at) is its grading time plus whatever the
 * recorded system added: queueing, and slow-down when other jobs shared the agent. So only
 * submissions that met a quiet system are used: a sweep over arrivals and completions ({@link
 * QuietSweep}) finds, for each, the most other container submissions in flight at any moment of its
 * sojourn; each task takes the smallest such threshold that still leaves its wanted number of
 * samples: half its completions, but at least {@link #MIN_SAMPLES} and at most {@link
 * #TARGET_SAMPLES} (all samples, flagged, when a task has fewer than the minimum). A larger sample
 * matters: with a log-normal spread of 0.5 the median of 30 samples is off by 11 % (one standard
 * error), of 100 samples by 6 %.
 *
 * <p>Truncation: ObjectIds carry whole seconds, so a completion second c stands for a true
 * completion uniform in [c, c + 1): when every completion of the trace is a whole second, 0.5 s is
 * added to each sojourn, which removes the bias of the mean (and of the median, up to the spread of
 * the rounding). By default the estimate includes the recorded system's per-job container overhead
 * (create, start, remove): it is the service time the recorded platform showed. Given a {@link
 * RecordedOverhead}, that overhead is subtracted from every quiet sojourn before the percentiles
 * are taken (clamped at its floor; {@link TaskEstimate#clamped()} counts the clamped ones), so a
 * simulation that charges stage costs of its own does not count the recorded ones again.
 *
 * @param truncationCorrected whether the 0.5 s correction was applied
 * @param minSamples fewest samples wanted per task (see {@link #TARGET_SAMPLES} for the most)
 * @param tasks one estimate per task with completions, sorted by course and task
 * @param overhead what was subtracted from each sojourn ({@link RecordedOverhead#NONE}: nothing)
 */
public record GradingTimeEstimate(
    boolean truncationCorrected,
    int minSamples,
    List<TaskEstimate> tasks,
    RecordedOverhead overhead) {
  /** Samples wanted per task at least before the quietness threshold may stop rising. */
  public static final int MIN_SAMPLES = 30;

  /** Samples wanted per task at most: the threshold stops rising once it has these. */
  public static final int TARGET_SAMPLES = 100;

  /** Samples kept per task at most (a deterministic systematic sub-sample above that). */
  static final int MAX_KEPT = 200_000;

  /** Copies the task list; a null overhead is none. */
  public GradingTimeEstimate {
    tasks = List.copyOf(tasks);
    overhead = overhead == null ? RecordedOverhead.NONE : overhead;
  }

  /** Estimates every task of a canonical trace, reading it twice, streaming. */
  public static GradingTimeEstimate fromTrace(Path canonicalTrace) throws IOException {
    return fromTrace(canonicalTrace, RecordedOverhead.NONE);
  }

  /** As {@link #fromTrace(Path)}, with {@code overhead} taken out of every quiet sojourn. */
  public static GradingTimeEstimate fromTrace(Path canonicalTrace, RecordedOverhead overhead)
      throws IOException {
    QuietSweep.Census census = new QuietSweep.Census();
    sweep(canonicalTrace, census, null);
    boolean truncated = census.allWholeSeconds();
    Map<String, int[]> thresholds = new TreeMap<>();
    census.levels().forEach((key, levels) -> thresholds.put(key, threshold(levels)));
    QuietSweep.Collector collector = new QuietSweep.Collector(thresholds, MAX_KEPT);
    sweep(canonicalTrace, collector, truncated);
    List<TaskEstimate> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : thresholds.entrySet()) {
      String key = e.getKey();
      int[] samples = collector.samples(key);
      if (samples.length == 0) {
        continue;
      }
      out.add(estimate(census.task(key), census.completed(key), e.getValue(), samples, overhead));
    }
    return new GradingTimeEstimate(truncated, MIN_SAMPLES, out, overhead);
  }

  private static void sweep(Path trace, QuietSweep.Sink sink, Boolean truncated)
      throws IOException {
    QuietSweep sweep = new QuietSweep(sink, truncated);
    try (Stream<Submission> rows = CanonicalTraceReader.read(trace, RejectSink.STRICT)) {
      rows.forEach(sweep::arrive);
    }
    sweep.finish();
  }

  /** {threshold, fewSamples ? 1 : 0, count at threshold}. */
  private static int[] threshold(long[] levels) {
    long total = 0;
    for (long n : levels) {
      total += n;
    }
    long wanted = Math.max(MIN_SAMPLES, Math.min(TARGET_SAMPLES, total / 2));
    long cumulative = 0;
    for (int k = 0; k < levels.length; k++) {
      cumulative += levels[k];
      if (cumulative >= wanted) {
        return new int[] {k, 0, (int) Math.min(Integer.MAX_VALUE, cumulative)};
      }
    }
    return new int[] {levels.length - 1, 1, (int) cumulative};
  }

  private static TaskEstimate estimate(
      Submission task, long completed, int[] threshold, int[] samplesMs, RecordedOverhead o) {
    int[] v = new int[samplesMs.length];
    long clamped = 0;
    for (int i = 0; i < v.length; i++) {
      clamped += o.clamps(samplesMs[i]) ? 1 : 0;
      v[i] = o.apply(samplesMs[i]);
    }
    Arrays.sort(v);
    double sum = 0;
    for (int x : v) {
      sum += x;
    }
    return new TaskEstimate(
        task.course(),
        task.task(),
        task.environment(),
        completed,
        v.length,
        threshold[0],
        quantile(v, 0.10),
        quantile(v, 0.25),
        quantile(v, 0.5),
        quantile(v, 0.75),
        quantile(v, 0.90),
        sum / v.length,
        threshold[1] == 1,
        clamped);
  }

  /** Linear interpolation between order statistics (Hyndman and Fan type 7). */
  static double quantile(int[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The estimate for one task, if the trace had completions for it. */
  public Optional<TaskEstimate> forTask(String course, String task) {
    return tasks.stream()
        .filter(t -> t.course().equals(course) && t.task().equals(task))
        .findFirst();
  }
}
