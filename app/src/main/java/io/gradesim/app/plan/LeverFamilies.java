package io.gradesim.app.plan;

import io.gradesim.report.Interval;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The lever families a plan is read against, each the candidates that move one kind of lever away
 * from today's pool (the space's base): today's pool grown (its shape, more agents), vertical
 * (bigger agents, no more of them), horizontal (more agents of at most today's size), autoscaling,
 * runtime swap and warm pool. The best of a family is its cheapest evaluated candidate that meets
 * (the search ran only some of them).
 */
final class LeverFamilies {
  private LeverFamilies() {}

  /** Per family name its best evaluated meeting candidate, if any, in a fixed order. */
  static Map<String, Optional<Candidate>> best(PlanSpace space, Planner.Level level) {
    Map<String, Predicate<Candidate>> families = families(space);
    Map<String, Optional<Candidate>> out = new LinkedHashMap<>();
    for (var f : families.entrySet()) {
      out.put(
          f.getKey(),
          level.outcomes().entrySet().stream()
              .filter(e -> e.getValue().status() == PlanSearch.Status.EVALUATED)
              .filter(e -> e.getValue().result().standing() == Interval.Standing.MEETS)
              .filter(e -> f.getValue().test(e.getKey()))
              .map(e -> Map.entry(e.getKey(), e.getValue().result()))
              .min(PlanSearch.ORDER)
              .map(Map.Entry::getKey));
    }
    return out;
  }

  /** The families as tests on a candidate. */
  static Map<String, Predicate<Candidate>> families(PlanSpace space) {
    ScenarioSettings b = space.baseSettings();
    Predicate<Candidate> plain =
        c ->
            c.family().runtime().equals(b.runtime())
                && c.family().warmPool() == b.warmPool().sizePerAgent()
                && !c.family().autoscale().enabled()
                && slotsAsBase(c, b);
    Map<String, Predicate<Candidate>> m = new LinkedHashMap<>();
    m.put(
        "today's pool grown",
        plain.and(
            c ->
                c.family().shape().cores() == b.cores()
                    && c.family().shape().memoryMb() == b.memoryMb()
                    && c.agents() >= b.agents()));
    m.put(
        "vertical",
        plain.and(c -> c.family().shape().cores() > b.cores() && c.agents() <= b.agents()));
    m.put(
        "horizontal",
        plain.and(c -> c.family().shape().cores() <= b.cores() && c.agents() > b.agents()));
    m.put("autoscaling", c -> c.family().autoscale().enabled());
    m.put("runtime swap", c -> !c.family().runtime().equals(b.runtime()));
    m.put("warm pool", c -> c.family().warmPool() != b.warmPool().sizePerAgent());
    return m;
  }

  /** The gain of {@code plan} over today: cost saved and feedback p95 shortened. */
  static String gain(ReplicatedComparison.Scenario today, ReplicatedComparison.Scenario plan) {
    double cost = today.mean().cost() - plan.mean().cost();
    double p95 =
        today.intervals().get(io.gradesim.simulator.output.SummaryKey.FEEDBACK_P95_S).mean()
            - plan.intervals().get(io.gradesim.simulator.output.SummaryKey.FEEDBACK_P95_S).mean();
    return String.format(java.util.Locale.ROOT, "cost %+.2f, feedback p95 %+.1f s", -cost, -p95);
  }

  private static boolean slotsAsBase(Candidate c, ScenarioSettings b) {
    int spc = c.family().slotsPerCore();
    return spc == 0 || spc * b.cores() == b.slots();
  }
}
