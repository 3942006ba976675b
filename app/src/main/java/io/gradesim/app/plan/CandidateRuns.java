package io.gradesim.app.plan;

import io.gradesim.app.sweep.RunRequest;
import io.gradesim.app.sweep.SweepRunner;
import io.gradesim.app.sweep.Sweeps;
import io.gradesim.report.ReplicatedComparison;
import io.gradesim.report.ReportRow;
import io.gradesim.report.Verdict;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.SimulationSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Evaluates candidates on one trace (one load level): replication {@code i} of a candidate runs the
 * base scenario with the candidate's overrides and the seed {@link Replications#seed}{@code (seed,
 * i)}, as {@code compare --replications} runs a scenario file, into {@code dir/<candidate>/r<i>}; a
 * batch of candidates goes through the sweep at once, in parallel. Overrides common to every
 * candidate (the exam's close) go first, the candidate's over them. On a cluster ({@code runner}
 * given) the seed travels as the override {@code seed = S}, so a worker resolves the same scenario
 * from the base file; the outputs are the same bytes.
 */
final class CandidateRuns {
  private final ActorSystem<?> system;
  private final Path trace;
  private final Path calibration;
  private final PlanSpace space;
  private final long seed;
  private final Path dir;
  private final Verdict verdict;
  private final double confidence;
  private final int parallelism;
  private final SimulationSetup.Scans scans;
  private final List<String> common;
  private final SweepRunner runner;
  private final Map<String, List<ReportRow>> done = new LinkedHashMap<>();
  private int runs;

  CandidateRuns(
      ActorSystem<?> system,
      Path trace,
      Path calibration,
      PlanSpace space,
      long seed,
      Path dir,
      Verdict verdict,
      double confidence,
      int parallelism) {
    this(
        system,
        trace,
        calibration,
        space,
        seed,
        dir,
        verdict,
        confidence,
        parallelism,
        List.of(),
        null);
  }

  CandidateRuns(
      ActorSystem<?> system,
      Path trace,
      Path calibration,
      PlanSpace space,
      long seed,
      Path dir,
      Verdict verdict,
      double confidence,
      int parallelism,
      List<String> common,
      SweepRunner runner) {
    this.system = system;
    this.runner = runner;
    this.trace = trace;
    this.calibration = calibration;
    this.space = space;
    this.seed = seed;
    this.dir = dir;
    this.verdict = verdict;
    this.confidence = confidence;
    this.parallelism = parallelism;
    this.common = List.copyOf(common);
    this.scans = SimulationSetup.once(trace, Runtime.getRuntime().maxMemory() / 6);
  }

  /** Runs replications {@code from} to {@code to - 1} of each candidate (a name to overrides). */
  Map<String, ReplicatedComparison.Scenario> run(
      Map<String, List<String>> candidates, int from, int to) throws IOException {
    List<RunSpec> specs = new ArrayList<>();
    List<RunRequest> requests = new ArrayList<>();
    Map<String, List<Path>> dirs = new LinkedHashMap<>();
    for (var c : candidates.entrySet()) {
      List<String> overrides = new ArrayList<>(common);
      overrides.addAll(c.getValue());
      List<Path> mine = new ArrayList<>();
      for (int i = from; i < to; i++) {
        Path out = runDir(c.getKey(), i);
        long s = Replications.seed(seed, i);
        List<String> these = overrides;
        Long inputSeed = s;
        if (runner != null) {
          these = new ArrayList<>(overrides);
          these.add("seed = " + s);
          inputSeed = null;
        }
        SimulationSetup.Prepared p =
            SimulationSetup.prepare(
                new SimulationSetup.Inputs(
                    trace, space.base(), these, inputSeed, calibration, c.getKey() + "#" + s, out),
                scans,
                List.of(),
                null);
        specs.add(p.spec());
        if (runner != null) {
          Files.createDirectories(out);
          requests.add(RunRequest.of(p, space.base(), these, calibration, out));
        }
        mine.add(out);
      }
      dirs.put(c.getKey(), mine);
    }
    List<RunOutcome> outcomes =
        runner == null ? Sweeps.run(system, specs, parallelism) : runner.run(specs, requests);
    Replications.failIfAny(outcomes);
    runs += specs.size();
    Map<String, ReplicatedComparison.Scenario> out = new LinkedHashMap<>();
    for (var d : dirs.entrySet()) {
      List<ReportRow> reps = done.computeIfAbsent(d.getKey(), k -> new ArrayList<>());
      for (Path p : d.getValue()) {
        reps.add(ReportRow.read(p));
      }
      out.put(d.getKey(), ReplicatedComparison.scenario(reps, verdict, confidence));
    }
    return out;
  }

  /** The folder of replication {@code i} of a candidate. */
  Path runDir(String candidate, int i) {
    return dir.resolve(candidate).resolve("r" + i);
  }

  /** The runs made so far. */
  int runs() {
    return runs;
  }
}
