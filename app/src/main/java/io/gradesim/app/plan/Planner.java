package io.gradesim.app.plan;

import io.gradesim.app.sweep.SweepRunner;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.run.TraceScan;
import io.gradesim.traces.scale.ScaleTarget;
import io.gradesim.traces.scale.TraceScaling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The capacity planner: per load level, the trace scaled by {@link TraceScaling} (1x is the trace
 * itself), today's pool (the space's base) evaluated and the space searched ({@link PlanSearch})
 * for the cheapest candidate whose objectives hold at the confidence over R replications. The entry
 * point of {@code gradesim plan} and of the demo: {@link #plan}.
 */
public final class Planner {
  private Planner() {}

  /**
   * What to plan.
   *
   * @param trace the canonical trace (today's load)
   * @param calibration the calibration profile (null: the bundled literature profile)
   * @param space the planning space
   * @param verdict the objectives
   * @param loads load factors, e.g. 1, 2, 4
   * @param replications R, runs per candidate
   * @param extra more replications for a borderline candidate (0: none)
   * @param confidence of the intervals, e.g. 0.95
   * @param seed seed of the load scaling and of the replications (null: the base scenario's)
   * @param parallelism runs at once
   * @param out the output folder (runs go to {@code out/runs/<load>/}, scaled traces to {@code
   *     out/traces/})
   * @param bars where progress goes
   * @param overrides scenario overrides under every candidate's and today's ({@code --set}-style),
   *     e.g. the exam's close of {@code --close}
   * @param runner where the runs run (null: in this process, {@code parallelism} at once; a
   *     cluster's sweep runner: on its worker nodes)
   */
  public record Request(
      Path trace,
      Path calibration,
      PlanSpace space,
      Verdict verdict,
      List<Double> loads,
      int replications,
      int extra,
      double confidence,
      Long seed,
      int parallelism,
      Path out,
      ProgressBar.Factory bars,
      List<String> overrides,
      SweepRunner runner) {
    /** Copies the lists. */
    public Request {
      loads = List.copyOf(loads);
      overrides = List.copyOf(overrides);
    }
  }

  /**
   * The plan of one load level.
   *
   * @param load the factor
   * @param trace the trace replayed (the scaled one above 1x)
   * @param today today's pool (the base scenario, priced as its shape when one matches)
   * @param outcomes every candidate with how the search left it
   * @param recommended the cheapest meeting candidate, or null
   * @param runs the folder of the level's runs
   */
  public record Level(
      double load,
      Path trace,
      ReplicatedComparison.Scenario today,
      Map<Candidate, PlanSearch.Outcome> outcomes,
      Candidate recommended,
      Path runs) {

    /** The load as written, e.g. {@code 2x}. */
    public String label() {
      return label(load);
    }

    /** Whether today's pool meets every objective. */
    public boolean todayMeets() {
      return today.standing() == io.gradesim.report.Interval.Standing.MEETS;
    }

    /** The recommended candidate's result, or null. */
    public ReplicatedComparison.Scenario recommendation() {
      return recommended == null ? null : outcomes.get(recommended).result();
    }

    /** Candidates that were run. */
    public long evaluated() {
      return outcomes.values().stream()
          .filter(o -> o.status() == PlanSearch.Status.EVALUATED)
          .count();
    }

    /** The load as written, e.g. {@code 2x} or {@code 0.5x}. */
    static String label(double load) {
      return (load == Math.rint(load) ? Long.toString((long) load) : Double.toString(load)) + "x";
    }
  }

  /** Plans every load level of {@code request} through {@code system}'s sweeps. */
  public static List<Level> plan(ActorSystem<?> system, Request request) throws IOException {
    long seed = request.seed() != null ? request.seed() : request.space().baseSettings().seed();
    List<Level> levels = new ArrayList<>();
    for (double load : request.loads()) {
      levels.add(level(system, request, load, seed));
    }
    return List.copyOf(levels);
  }

  private static Level level(ActorSystem<?> system, Request r, double load, long seed)
      throws IOException {
    String label = Level.label(load);
    Path trace = r.trace();
    if (load != 1) {
      trace = r.out().resolve("traces").resolve("trace-" + label + ".csv");
      Files.createDirectories(trace.getParent());
      TraceScaling.scale(
          r.trace(), new ScaleTarget.Load(load), seed, TraceScaling.DEFAULT_JITTER_MS, trace);
    }
    Path runs = r.out().resolve("runs").resolve(label);
    CandidateRuns candidates =
        new CandidateRuns(
            system,
            trace,
            r.calibration(),
            r.space(),
            seed,
            runs,
            r.verdict(),
            r.confidence(),
            r.parallelism(),
            r.overrides(),
            r.runner());
    TraceScan scan = TraceScan.of(trace, 0);
    double spanHours =
        scan.first() == null
            ? 0
            : (scan.last().toEpochMilli() - scan.first().toEpochMilli()) / 3_600_000.0;
    ProgressBar bar =
        r.bars()
            .create(
                String.format(Locale.ROOT, "planning %s: %d candidates", label, r.space().size()),
                r.space().size() + 1);
    Map<String, List<String>> base = new LinkedHashMap<>();
    base.put(TODAY, todayOverrides(r.space()));
    ReplicatedComparison.Scenario today = candidates.run(base, 0, r.replications()).get(TODAY);
    bar.add(1);
    PlanSearch search =
        new PlanSearch(r.space(), candidates, r.replications(), r.extra(), spanHours, bar);
    Map<Candidate, PlanSearch.Outcome> outcomes = search.search();
    bar.finish();
    return new Level(load, trace, today, outcomes, search.best(), runs);
  }

  /** The name of today's pool in the runs' folder. */
  public static final String TODAY = "today";

  /** Today's pool priced like the candidates when a shape of the space is its own. */
  static List<String> todayOverrides(PlanSpace space) {
    var s = space.baseSettings();
    for (PlanSpace.Shape shape : space.shapes()) {
      if (shape.cores() == s.cores() && shape.memoryMb() == s.memoryMb()) {
        return List.of(
            "cost.core-hour=0",
            String.format(Locale.ROOT, "cost.agent-hour=%s", shape.pricePerHour()));
      }
    }
    return List.of();
  }
}
