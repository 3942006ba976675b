package io.gradesim.app.validate;

import io.gradesim.app.sweep.Sweeps;
import io.gradesim.calibration.cli.CalibrateCommand;
import io.gradesim.live.LivePool;
import io.gradesim.live.LiveResult;
import io.gradesim.live.LiveRun;
import io.gradesim.probes.cli.ProbeCommand;
import io.gradesim.probes.runtime.Runtime;
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
  /** The validation's inputs; {@code calibration} may be null. */
  public record Inputs(
      Path trace,
      Path scenario,
      Runtime runtime,
      Path calibration,
      int replications,
      double maxOtherLoad,
      Path out) {}

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
    List<Submission> trace;
    try (Stream<Submission> rows = CanonicalTraceReader.read(in.trace(), RejectSink.STRICT)) {
      trace = rows.toList();
    }
    String why = LivePool.unavailable(in.runtime());
    if (why != null) {
      throw new IllegalStateException(why);
    }
    Path calibration = calibration(in, scenario, progress);
    progress.printf("validate: predicting with %d replications%n", in.replications());
    List<SimulationSetup.Prepared> runs = new ArrayList<>();
    for (int seed = 1; seed <= in.replications(); seed++) {
      runs.add(
          SimulationSetup.prepare(
              new SimulationSetup.Inputs(
                  in.trace(),
                  in.scenario(),
                  List.of(),
                  (long) seed,
                  calibration,
                  "validate-seed-" + seed,
                  in.out().resolve("predicted").resolve("seed-" + seed)),
              List.of(),
              null));
    }
    for (RunOutcome o :
        Sweeps.run(system, runs.stream().map(SimulationSetup.Prepared::spec).toList(), 2)) {
      if (o instanceof RunOutcome.Failed f) {
        throw new IllegalStateException("a predicted run failed: " + f.reason(), f.cause());
      }
    }
    List<RunSummary> predicted = runs.stream().map(p -> p.result().get()).toList();
    progress.printf(
        "validate: replaying %d submissions live on %s (agents %d x cores %d, slots %d each)%n",
        trace.size(), in.runtime().label(), scenario.agents(), scenario.cores(), scenario.slots());
    Path liveDir = in.out().resolve("live");
    LiveResult live =
        LivePool.run(
            system,
            new LiveRun(trace, scenario, in.runtime(), runs.get(0).header(), liveDir),
            progressing(progress, listener));
    ValidationFiles.Facts facts =
        new ValidationFiles.Facts(
            in.trace().toString(),
            in.scenario().toString(),
            in.runtime().label(),
            calibration == null ? "" : calibration.toString(),
            in.replications(),
            trace.size(),
            live.otherLoad(),
            in.maxOtherLoad());
    List<MetricScore> metrics = facts.disturbed() ? List.of() : Scoring.score(live, predicted);
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
    progress.printf("validate: probing %s at concurrency %s%n", in.runtime().label(), levels);
    Path probe = in.out().resolve("probe");
    command(
        new ProbeCommand(),
        "--runtime",
        in.runtime().label(),
        "--concurrency",
        levels,
        "--payload",
        "true,cpu",
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
