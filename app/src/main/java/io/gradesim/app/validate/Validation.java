package io.gradesim.app.validate;

import io.gradesim.app.sweep.Sweeps;
import io.gradesim.calibration.cli.CalibrateCommand;
import io.gradesim.files.Sha256;
import io.gradesim.live.LivePool;
import io.gradesim.live.LiveResult;
import io.gradesim.live.LiveRun;
import io.gradesim.live.LiveTimes;
import io.gradesim.live.OtherLoad;
import io.gradesim.probes.cli.ProbeCommand;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.output.RunSummary;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.SimulationSetup;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine;

/**
 * One validation: calibrate, predict, replay live, score. The steps write under {@code out}: {@code
 * probe/} and {@code calibration.json} (unless a profile was given or the scenario charges no
 * profile costs), {@code predicted/seed-K/} per replication, {@code live/}, then {@code
 * validation.json} and {@code validation.html}. The live pool runs in the caller's actor system.
 */
public final class Validation {
  /**
   * The validation's inputs; {@code calibration} may be null. With {@code background}, the
   * prediction's agents carry the other load measured during the live run as background work on
   * their cores ({@code background-cores}, the machine's mean other load shared by the agents): the
   * prediction is made for the host as it was while the live pool ran.
   */
  public record Inputs(
      Path trace,
      Path scenario,
      Runtime runtime,
      Path calibration,
      int replications,
      double maxOtherLoad,
      Path out,
      boolean background) {

    /** Inputs with the measured other load as background. */
    public Inputs(
        Path trace,
        Path scenario,
        Runtime runtime,
        Path calibration,
        int replications,
        double maxOtherLoad,
        Path out) {
      this(trace, scenario, runtime, calibration, replications, maxOtherLoad, out, true);
    }
  }

  /** What came out: scored, or refused as disturbed. */
  public record Outcome(ValidationFiles.Facts facts, List<MetricScore> metrics) {
    /** Whether other load disturbed the live run (then it was not scored). */
    public boolean disturbed() {
      return facts.disturbed();
    }

    /** The mean other load of the live run, as a fraction of the machine. */
    public double otherLoad() {
      return facts.otherLoad().mean();
    }
  }

  private Validation() {}

  /** Runs the validation; {@code progress} gets one line per step, {@code listener} dispatches. */
  public static Outcome run(
      ActorSystem<?> system, Inputs in, PrintStream progress, LivePool.Listener listener)
      throws IOException, InterruptedException {
    ScenarioSettings scenario = ScenarioLoader.load(in.scenario(), List.of());
    List<Submission> trace = readTrace(in.trace());
    String why = LivePool.unavailable(in.runtime());
    if (why != null) {
      throw new IllegalStateException(why);
    }
    Path calibration = calibration(in, scenario, progress);
    // The live run's provenance: the scenario as given, seed 1 (prepared, not run).
    SimEvent.RunStarted header =
        SimulationSetup.prepare(inputs(in, calibration, 1, List.of()), List.of(), null).header();
    progress.printf(
        "validate: replaying %d submissions live on %s (agents %d x cores %d, slots %d each)%n",
        trace.size(), in.runtime().label(), scenario.agents(), scenario.cores(), scenario.slots());
    Path liveDir = in.out().resolve("live");
    LiveResult live =
        LivePool.run(
            system,
            new LiveRun(trace, scenario, in.runtime(), header, liveDir),
            progressing(progress, listener));
    Prediction p = predict(system, in, calibration, scenario, live.otherLoad(), progress);
    return score(
        in,
        calibration,
        trace.size(),
        live.otherLoad(),
        LiveFigures.of(live.summary()),
        live.times(),
        liveDir,
        p);
  }

  /**
   * Scores the live run of an earlier validation ({@code earlier}: its output directory, with
   * {@code validation.json} and {@code live/}) against a new prediction: no probe, no live replay.
   * The prediction uses {@code in.calibration()}, else the earlier run's {@code calibration.json};
   * the trace must be the one the live run replayed (same SHA-256).
   */
  public static Outcome rescore(
      ActorSystem<?> system, Inputs in, Path earlier, PrintStream progress)
      throws IOException, InterruptedException {
    Path liveDir = earlier.resolve("live");
    for (Path need : List.of(liveDir.resolve("summary.json"), liveDir.resolve("submissions.csv"))) {
      if (!java.nio.file.Files.isRegularFile(need)) {
        throw new IllegalArgumentException(
            earlier
                + ": --rescore: no "
                + earlier.relativize(need)
                + " here: not the output directory of an earlier validate");
      }
    }
    ScenarioSettings scenario = ScenarioLoader.load(in.scenario(), List.of());
    List<Submission> trace = readTrace(in.trace());
    LiveFigures figures = LiveFigures.read(liveDir.resolve("summary.json"));
    String hash = Sha256.ofFile(in.trace());
    if (!hash.equals(figures.traceHash())) {
      throw new IllegalArgumentException(
          in.trace()
              + ": --trace: not the trace the live run in "
              + liveDir
              + " replayed (its trace_hash is "
              + figures.traceHash()
              + ")");
    }
    LiveTimes times = LiveTimes.read(liveDir.resolve("submissions.csv"));
    if (times.size() != trace.size()) {
      throw new IllegalArgumentException(
          liveDir.resolve("submissions.csv")
              + ": "
              + times.size()
              + " submissions, the trace has "
              + trace.size());
    }
    OtherLoad other = ValidationFiles.otherLoad(earlier.resolve(ValidationFiles.JSON));
    Path calibration = in.calibration();
    if (calibration == null && scenario.costs().kind() == ScenarioSettings.CostKind.PROFILE) {
      calibration = earlier.resolve("calibration.json");
      if (!java.nio.file.Files.isRegularFile(calibration)) {
        throw new IllegalArgumentException(
            earlier + ": --rescore: no calibration.json there: give --calibration PROFILE.json");
      }
    }
    progress.printf("validate: scoring the live run in %s again%n", liveDir);
    Prediction p = predict(system, in, calibration, scenario, other, progress);
    return score(in, calibration, trace.size(), other, figures, times, liveDir, p);
  }

  private record Prediction(
      List<SimulationSetup.Prepared> runs, List<RunSummary> summaries, double backgroundCores) {}

  private static SimulationSetup.Inputs inputs(
      Inputs in, Path calibration, int seed, List<String> overrides) {
    return new SimulationSetup.Inputs(
        in.trace(),
        in.scenario(),
        overrides,
        (long) seed,
        calibration,
        "validate-seed-" + seed,
        in.out().resolve("predicted").resolve("seed-" + seed));
  }

  /** The cores per agent that the machine's mean other load stands for, within each agent's. */
  static double backgroundCores(ScenarioSettings s, OtherLoad other) {
    io.gradesim.live.PoolLayout layout =
        io.gradesim.live.PoolLayout.of(s)
            .fitting(java.lang.Runtime.getRuntime().availableProcessors());
    double cores =
        other.mean() * java.lang.Runtime.getRuntime().availableProcessors() / layout.agents();
    return Math.min(s.cores(), Math.round(cores * 1000) / 1000.0);
  }

  private static List<Submission> readTrace(Path file) throws IOException {
    try (Stream<Submission> rows = CanonicalTraceReader.read(file, RejectSink.STRICT)) {
      return rows.toList();
    }
  }

  private static Prediction predict(
      ActorSystem<?> system,
      Inputs in,
      Path calibration,
      ScenarioSettings scenario,
      OtherLoad other,
      PrintStream progress)
      throws IOException, InterruptedException {
    double background = in.background() ? backgroundCores(scenario, other) : 0;
    List<String> overrides =
        background > 0
            ? List.of(String.format(java.util.Locale.ROOT, "background-cores=%.3f", background))
            : List.of();
    if (background > 0) {
      progress.printf(
          java.util.Locale.ROOT,
          "validate: predicting with %d replications, the live run's other load (%.3f of the"
              + " machine) as %.3f background cores per agent%n",
          in.replications(),
          other.mean(),
          background);
    } else {
      progress.printf("validate: predicting with %d replications%n", in.replications());
    }
    List<SimulationSetup.Prepared> runs = new ArrayList<>();
    for (int seed = 1; seed <= in.replications(); seed++) {
      runs.add(SimulationSetup.prepare(inputs(in, calibration, seed, overrides), List.of(), null));
    }
    for (RunOutcome o :
        Sweeps.run(system, runs.stream().map(SimulationSetup.Prepared::spec).toList(), 2)) {
      if (o instanceof RunOutcome.Failed f) {
        throw new IllegalStateException("a predicted run failed: " + f.reason(), f.cause());
      }
    }
    return new Prediction(runs, runs.stream().map(r -> r.result().get()).toList(), background);
  }

  private static Outcome score(
      Inputs in,
      Path calibration,
      int submissions,
      OtherLoad other,
      LiveFigures figures,
      LiveTimes times,
      Path liveDir,
      Prediction p)
      throws IOException {
    List<RunSummary> predicted = p.summaries();
    ValidationFiles.Facts facts =
        new ValidationFiles.Facts(
            in.trace().toString(),
            in.scenario().toString(),
            in.runtime().label(),
            calibration == null ? "" : calibration.toString(),
            in.replications(),
            submissions,
            other,
            in.maxOtherLoad(),
            p.backgroundCores());
    List<MetricScore> metrics =
        facts.disturbed() ? List.of() : Scoring.score(figures, times, predicted);
    int median =
        IntStream.range(0, predicted.size())
            .boxed()
            .sorted(Comparator.comparingDouble(i -> predicted.get(i).feedbackP95S()))
            .toList()
            .get(predicted.size() / 2);
    ValidationFiles.write(
        in.out(),
        facts,
        metrics,
        liveDir,
        in.out().resolve("predicted").resolve("seed-" + (median + 1)));
    return new Outcome(facts, metrics);
  }

  /** The profile to predict with: given, none needed, or probed and calibrated now. */
  private static Path calibration(Inputs in, ScenarioSettings s, PrintStream progress) {
    if (in.calibration() != null) {
      return in.calibration();
    }
    if (s.costs().kind() != ScenarioSettings.CostKind.PROFILE) {
      progress.println("validate: the scenario charges no profile costs: nothing to probe");
      return null;
    }
    String levels = s.slots() == 1 ? "1" : "1," + s.slots();
    // Placed as the live pool places agent 0's jobs: the operations predicted are those performed.
    String cpus =
        io.gradesim.live.PoolLayout.of(s)
            .fitting(java.lang.Runtime.getRuntime().availableProcessors())
            .cpuset(0);
    progress.printf(
        "validate: probing %s at concurrency %s, placed on CPUs %s%n",
        in.runtime().label(), levels, cpus);
    Path probe = in.out().resolve("probe");
    command(
        new ProbeCommand(),
        "--runtime",
        in.runtime().label(),
        "--concurrency",
        levels,
        "--payload",
        "true,cpu",
        "--placement",
        cpus,
        "--out",
        probe.toString());
    Path profile = in.out().resolve("calibration.json");
    command(new CalibrateCommand(), "--from", probe.toString(), "--out", profile.toString());
    return profile;
  }

  private static void command(Object cmd, String... args) {
    CommandLine cl = new CommandLine(cmd);
    cl.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          throw e;
        });
    int code = cl.execute(args);
    if (code != 0) {
      throw new IllegalStateException(
          "gradesim " + cl.getCommandName() + " " + String.join(" ", args) + " exited " + code);
    }
  }

  private static LivePool.Listener progressing(PrintStream progress, LivePool.Listener listener) {
    return (dispatched, total, queued) -> {
      listener.dispatched(dispatched, total, queued);
      int step = Math.max(1, total / 10);
      if (dispatched % step == 0 || dispatched == total) {
        progress.printf(
            "validate: live: %d of %d submissions dispatched, %d waiting%n",
            dispatched, total, queued);
      }
    };
  }
}
