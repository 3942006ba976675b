package io.gradesim.simulator.model;

import io.gradesim.traces.Submission;
import io.gradesim.traces.synth.DurationDistribution;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The CPU demand of each grading: the trace's {@code grading_ms} when present, else the task's
 * distribution from the scenario, else the scenario's default, else the distribution estimated from
 * the trace's completions for its course and task. A submission with no source at all is an error
 * naming its task.
 */
public final class GradingTimes {
  private final Map<String, DurationDistribution> byTask;
  private final DurationDistribution fallback;
  private final Map<String, DurationDistribution> estimated;

  /** Grading demands from per-task distributions and a default (either may be empty/null). */
  public GradingTimes(Map<String, DurationDistribution> byTask, DurationDistribution fallback) {
    this(byTask, fallback, Map.of());
  }

  /** As above, plus estimates keyed by {@link #courseTask(String, String)}. */
  public GradingTimes(
      Map<String, DurationDistribution> byTask,
      DurationDistribution fallback,
      Map<String, DurationDistribution> estimated) {
    this.byTask = Map.copyOf(byTask);
    this.fallback = fallback;
    this.estimated = Map.copyOf(estimated);
  }

  /** The key of an estimate: course and task. */
  public static String courseTask(String course, String task) {
    return course + '\u0000' + task;
  }

  /** Draws the demand of {@code s} in microseconds. */
  public long demandMicros(Submission s, RandomGenerator rng) {
    Long ms = s.gradingMs();
    if (ms != null) {
      return ms * 1000;
    }
    DurationDistribution d = byTask.get(s.task());
    if (d == null) {
      d = fallback;
    }
    if (d == null && !estimated.isEmpty()) {
      d = estimated.get(courseTask(s.course(), s.task()));
    }
    if (d == null) {
      throw new IllegalArgumentException(
          "submission "
              + s.id()
              + ": task '"
              + s.task()
              + "' has no grading time: the trace has no grading_ms and the scenario gives no"
              + " grading distribution for it (set grading.default or grading.tasks."
              + s.task()
              + ")");
    }
    return d.sampleMicros(rng);
  }
}
