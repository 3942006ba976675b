package io.gradesim.app.plan;

import io.gradesim.files.progress.ProgressBar;
import io.gradesim.report.Interval;
import io.gradesim.report.ReplicatedComparison;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search of one load level for the cheapest candidate that meets every objective. Not every
 * candidate is run:
 *
 * <ul>
 *   <li>families (every lever but the agent count; the non-monotone levers, runtime and warm pool,
 *       are enumerated this way) are searched cheapest first;
 *   <li>within a family, more agents are never worse, so the fewest agents that meet are found by
 *       bisection (a count that misses rules out every smaller one) after one run of the largest
 *       count that could still beat the best plan known (if it misses, the family is done);
 *   <li>a candidate whose least possible cost (its agents at its price over the trace's span, see
 *       {@link Candidate#costLowerBound}) exceeds the cost of the best plan known is pruned.
 * </ul>
 *
 * The order of plans is compare's ({@link ReplicatedComparison#order}): cost, then mean feedback
 * p95, then fewer agents, then the name. With {@code extra > 0} a borderline candidate gets that
 * many more replications once before its verdict.
 */
public final class PlanSearch {
  private final PlanSpace space;
  private final CandidateRuns runs;
  private final int replications;
  private final int extra;
  private final double spanHours;
  private final ProgressBar bar;
  private final Map<Candidate, Outcome> outcomes = new LinkedHashMap<>();
  private final Map<PlanSpace.Shape, Integer> found = new java.util.HashMap<>();
  private Candidate best;

  /** How the search left a candidate. */
  public enum Status {
    /** Run with its replications. */
    EVALUATED,
    /** Not run: a count of the same family with more agents missed. */
    BISECTED,
    /** Not run: its least possible cost exceeds a plan known to meet. */
    PRUNED
  }

  /**
   * A candidate's result.
   *
   * @param status how the search left it
   * @param result its replications' intervals and standing (null unless evaluated)
   */
  public record Outcome(Status status, ReplicatedComparison.Scenario result) {}

  PlanSearch(
      PlanSpace space,
      CandidateRuns runs,
      int replications,
      int extra,
      double spanHours,
      ProgressBar bar) {
    this.space = space;
    this.runs = runs;
    this.replications = replications;
    this.extra = extra;
    // With failures agents go down, and the least cost of a pool is no longer its size.
    this.spanHours = space.baseSettings().failures().enabled() ? 0 : spanHours;
    this.bar = bar;
  }

  /** Searches; returns every candidate of the space with its outcome, in the space's order. */
  Map<Candidate, Outcome> search() throws IOException {
    List<Candidate.Family> families = new ArrayList<>(space.families());
    families.sort(
        Comparator.comparingDouble(
            f -> new Candidate(f, space.minAgents()).costLowerBound(spanHours)));
    for (Candidate.Family f : families) {
      family(f);
    }
    Map<Candidate, Outcome> all = new LinkedHashMap<>();
    for (Candidate c : space.candidates()) {
      all.put(c, outcomes.getOrDefault(c, new Outcome(Status.PRUNED, null)));
    }
    return all;
  }

  /** The recommended candidate, or null when none meets. */
  Candidate best() {
    return best;
  }

  private void family(Candidate.Family f) throws IOException {
    int lo = space.minAgents();
    int top =
        f.autoscale().enabled()
            ? Math.min(space.maxAgents(), f.autoscale().maxAgents())
            : space.maxAgents();
    int hi = top;
    while (hi >= lo && pruned(new Candidate(f, hi))) {
      hi--;
    }
    bar.add(top - hi);
    if (hi < lo) {
      return;
    }
    Integer hint = found.get(f.shape());
    if (hint != null && hint >= lo && hint <= hi) {
      fromHint(f, lo, hi, hint);
      return;
    }
    // The largest count that could still win: when it misses, so do all smaller ones.
    if (!meets(new Candidate(f, hi))) {
      bisected(f, lo, hi - 1);
      return;
    }
    int first = hi;
    int a = lo;
    int b = hi - 1;
    while (a <= b) {
      int mid = (a + b) >>> 1;
      if (meets(new Candidate(f, mid))) {
        first = mid;
        b = mid - 1;
      } else {
        bisected(f, a, mid - 1);
        a = mid + 1;
      }
    }
    larger(f, first, hi);
  }

  /**
   * Searches from the count that was the fewest meeting in an earlier family of the same shape:
   * other levers seldom move it far, so walking from there costs a run or two.
   */
  private void fromHint(Candidate.Family f, int lo, int hi, int hint) throws IOException {
    int first;
    if (meets(new Candidate(f, hint))) {
      first = hint;
      while (first > lo && meets(new Candidate(f, first - 1))) {
        first--;
      }
      bisected(f, lo, first - 2);
    } else {
      first = hint + 1;
      while (first <= hi && !meets(new Candidate(f, first))) {
        first++;
      }
      bisected(f, lo, hint - 1);
      if (first > hi) {
        return;
      }
    }
    larger(f, first, hi);
  }

  /** Offers the fewest meeting count {@code first} and the larger ones that may cost less. */
  private void larger(Candidate.Family f, int first, int hi) throws IOException {
    found.merge(f.shape(), first, Math::min);
    offer(new Candidate(f, first));
    // Larger counts of the family meet too; one may still cost less (a shorter tail).
    for (int n = first + 1; n <= hi; n++) {
      Candidate c = new Candidate(f, n);
      if (!outcomes.containsKey(c) && pruned(c)) {
        bar.add(1);
      } else if (meets(c)) {
        offer(c);
      }
    }
  }

  private boolean pruned(Candidate c) {
    return best != null && c.costLowerBound(spanHours) > outcomes.get(best).result().mean().cost();
  }

  private void bisected(Candidate.Family f, int from, int to) {
    for (int n = from; n <= to; n++) {
      Candidate c = new Candidate(f, n);
      if (!outcomes.containsKey(c)) {
        outcomes.put(c, new Outcome(Status.BISECTED, null));
        bar.add(1);
      }
    }
  }

  private boolean meets(Candidate c) throws IOException {
    Outcome known = outcomes.get(c);
    if (known != null && known.status() == Status.EVALUATED) {
      return meetsKnown(c);
    }
    String id = c.id();
    Map<String, List<String>> one = Map.of(id, c.overrides(space.warmPoolEnvironments()));
    ReplicatedComparison.Scenario r = runs.run(one, 0, replications).get(id);
    if (extra > 0 && r.standing() == Interval.Standing.BORDERLINE) {
      r = runs.run(one, replications, replications + extra).get(id);
    }
    outcomes.put(c, new Outcome(Status.EVALUATED, r));
    bar.add(1);
    return r.standing() == Interval.Standing.MEETS;
  }

  private boolean meetsKnown(Candidate c) {
    return outcomes.get(c).result().standing() == Interval.Standing.MEETS;
  }

  private void offer(Candidate c) {
    if (best == null || ORDER.compare(entry(c), entry(best)) < 0) {
      best = c;
    }
  }

  private Map.Entry<Candidate, ReplicatedComparison.Scenario> entry(Candidate c) {
    return Map.entry(c, outcomes.get(c).result());
  }

  /** Compare's order of plans (the candidates share the base's name), then the candidate's. */
  static final Comparator<Map.Entry<Candidate, ReplicatedComparison.Scenario>> ORDER =
      Comparator.comparing(
              (Map.Entry<Candidate, ReplicatedComparison.Scenario> e) -> e.getValue(),
              ReplicatedComparison.order())
          .thenComparing(e -> e.getKey().id());
}
