package io.gradesim.app.validate;

import io.gradesim.live.LiveTimes;
import io.gradesim.simulator.output.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Scores a prediction against a live run, metric by metric. Live values are the live {@code
 * summary.json}'s (the same fold as the simulator's); their intervals resample the submissions in
 * arrival order ({@link BlockBootstrap}): percentiles of the waits and feedback times, and the
 * utilisation as the summary's scaled by the resampled sum of slot holding times. The peak queue is
 * one maximum over time and gets no interval.
 */
final class Scoring {
  private Scoring() {}

  /** The metrics, in the order validation.json lists them. */
  static List<MetricScore> score(LiveFigures m, LiveTimes times, List<RunSummary> predicted) {
    double[] waits = times.waitsSeconds();
    double[] feedbacks = times.feedbacksSeconds();
    double[] holds = times.holdsSeconds();
    double holdSum = sum(holds);
    List<MetricScore> out = new ArrayList<>();
    for (int p : new int[] {50, 95, 99}) {
      double q = p / 100.0;
      out.add(
          metric(
              "wait_p" + p + "_s",
              pick(m, "wait", p),
              BlockBootstrap.interval(waits, s -> Quantiles.ofUnsorted(s, q)),
              predicted,
              r -> pick(r, "wait", p)));
    }
    for (int p : new int[] {50, 95, 99}) {
      double q = p / 100.0;
      out.add(
          metric(
              "feedback_p" + p + "_s",
              pick(m, "feedback", p),
              BlockBootstrap.interval(feedbacks, s -> Quantiles.ofUnsorted(s, q)),
              predicted,
              r -> pick(r, "feedback", p)));
    }
    out.add(
        metric(
            "utilisation",
            m.utilisation(),
            holdSum == 0
                ? new double[] {Double.NaN, Double.NaN}
                : BlockBootstrap.interval(holds, s -> m.utilisation() * sum(s) / holdSum),
            predicted,
            RunSummary::utilisation));
    out.add(
        metric(
            "peak_queue",
            m.peakQueue(),
            new double[] {Double.NaN, Double.NaN},
            predicted,
            r -> r.peakQueue()));
    return out;
  }

  private static double pick(RunSummary r, String what, int p) {
    return pick(LiveFigures.of(r), what, p);
  }

  private static double pick(LiveFigures r, String what, int p) {
    boolean wait = what.equals("wait");
    return switch (p) {
      case 50 -> wait ? r.waitP50S() : r.feedbackP50S();
      case 95 -> wait ? r.waitP95S() : r.feedbackP95S();
      default -> wait ? r.waitP99S() : r.feedbackP99S();
    };
  }

  private static MetricScore metric(
      String name,
      double measured,
      double[] interval,
      List<RunSummary> predicted,
      ToDoubleFunction<RunSummary> of) {
    double[] reps = predicted.stream().mapToDouble(of).sorted().toArray();
    return new MetricScore(
        name,
        measured,
        interval[0],
        interval[1],
        Quantiles.of(reps, 0.5),
        Quantiles.of(reps, 0.025),
        Quantiles.of(reps, 0.975));
  }

  private static double sum(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }
}
