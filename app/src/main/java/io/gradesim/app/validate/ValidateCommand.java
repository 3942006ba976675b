package io.gradesim.app.validate;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.OutputGuard;
import io.gradesim.probes.runtime.Runtime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradesim validate}: holds the simulator's prediction against a live container pool. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Holds a prediction against a live pool of containers on this host.",
      "1. Probes --runtime at the concurrency levels the scenario needs and calibrates (skipped "
          + "with --calibration, or when the scenario charges no profile costs).",
      "2. Replays the trace live: the scenario's agents as cpusets of this host's cores, each "
          + "submission a fresh container of --runtime burning its grading_ms of CPU time, "
          + "arrivals at their trace offsets in real time: DIR/live/ (the simulator's outputs, "
          + "summary.json with \"mode\": \"live\", live.jfr with every container stage).",
      "3. Predicts with --replications runs of the simulator (seeds 1..N), for the host as it "
          + "was during the live run unless --background none: DIR/predicted/.",
      "4. Scores wait and feedback p50/p95/p99, utilisation and peak queue: measured (95 %% "
          + "moving-block bootstrap interval), predicted (median and 2.5-97.5 %% of the "
          + "replications), relative error: DIR/validation.json and DIR/validation.html.",
      "Other load on the machine during the live run is measured; a run whose mean other load "
          + "exceeds --max-other-load is refused (validation.json says \"disturbed\"), exit 2.",
      "With --rescore EARLIER, steps 1 and 2 are skipped: the live run of an earlier validate "
          + "output directory is scored again against a new prediction (after a model change, or "
          + "with another --calibration), into --out."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trace",
      required = true,
      paramLabel = "TRACE",
      description = "canonical trace CSV; every row needs grading_ms")
  Path trace;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "FILE.conf",
      description = "scenario (HOCON): a fixed pool, no autoscaling, failures or warm pool")
  Path scenario;

  @Option(
      names = "--runtime",
      required = true,
      paramLabel = "R",
      description = "runc, crun, runsc, docker-runc, docker-crun, docker-runsc, podman-crun, ...")
  String runtime;

  @Option(
      names = "--calibration",
      paramLabel = "PROFILE.json",
      description = "a profile to predict with instead of probing now")
  Path calibration;

  @Option(
      names = "--replications",
      paramLabel = "N",
      defaultValue = "5",
      description = "simulated replications, seeds 1..N (default: ${DEFAULT-VALUE})")
  int replications;

  @Option(
      names = "--max-other-load",
      paramLabel = "FRACTION",
      defaultValue = "0.10",
      description =
          "refuse to score when other work used more than this fraction of the machine's CPUs"
              + " on average during the live run (default: ${DEFAULT-VALUE})")
  double maxOtherLoad;

  @Option(
      names = "--background",
      paramLabel = "other-load|none",
      defaultValue = "other-load",
      description =
          "other-load (default): predict for the host as it was during the live run, its mean"
              + " other load as background work on the agents' cores (background-cores);"
              + " none: predict for an otherwise idle host")
  String background;

  @Option(
      names = "--rescore",
      paramLabel = "EARLIER",
      description =
          "an earlier validate --out directory: score its live run again (no probe, no live"
              + " replay); the prediction uses --calibration, else EARLIER/calibration.json")
  Path rescore;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (replications < 1) {
      throw new IllegalArgumentException("--replications must be at least 1");
    }
    if (!(maxOtherLoad >= 0 && maxOtherLoad <= 1)) {
      throw new IllegalArgumentException("--max-other-load must be a fraction from 0 to 1");
    }
    if (!background.equals("other-load") && !background.equals("none")) {
      throw new IllegalArgumentException(
          "--background: expected other-load or none, found '" + background + "'");
    }
    Runtime r = Runtime.of(runtime);
    OutputGuard guard =
        new OutputGuard()
            .input("--trace", trace)
            .input("--scenario", scenario)
            .input("--calibration", calibration);
    if (rescore != null) {
      if (!java.nio.file.Files.isDirectory(rescore)) {
        throw new IllegalArgumentException(rescore + ": --rescore: no such directory");
      }
      guard
          .input("--rescore", rescore.resolve(ValidationFiles.JSON))
          .input("--rescore", rescore.resolve("live").resolve("summary.json"));
      if (out.toAbsolutePath().normalize().equals(rescore.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException(
            out + ": --out: the --rescore directory itself; give a new directory");
      }
    }
    guard.dir("--out", out, List.of(ValidationFiles.JSON, ValidationFiles.HTML), List.of()).check();
    Validation.Inputs in =
        new Validation.Inputs(
            trace,
            scenario,
            r,
            calibration,
            replications,
            maxOtherLoad,
            out,
            background.equals("other-load"));
    // The process's one actor system, owned by the root command.
    Validation.Outcome o =
        rescore != null
            ? Validation.rescore(GradesimSystem.of(spec).get(), in, rescore, System.err)
            : Validation.run(
                GradesimSystem.of(spec).get(), in, System.err, (d, total, queued) -> {});
    if (o.disturbed()) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "gradesim: validate: the live run was disturbed: other load %.2f of the machine"
                  + " on average (at most %.2f allowed); not scored, see %s%n",
              o.otherLoad(),
              maxOtherLoad,
              out.resolve(ValidationFiles.JSON));
      return 2;
    }
    print(spec.commandLine().getOut(), o);
    return 0;
  }

  private void print(PrintWriter w, Validation.Outcome o) {
    w.printf(
        Locale.ROOT,
        "%-16s %10s %21s %10s %21s %8s%n",
        "metric",
        "measured",
        "95 % interval",
        "predicted",
        "replications",
        "error");
    for (MetricScore m : o.metrics()) {
      w.printf(
          Locale.ROOT,
          "%-16s %10s %21s %10s %21s %8s%n",
          m.name(),
          ValidationFiles.fmt(m.measured()),
          ValidationFiles.fmt(m.measuredLow()) + "-" + ValidationFiles.fmt(m.measuredHigh()),
          ValidationFiles.fmt(m.predicted()),
          ValidationFiles.fmt(m.predictedLow()) + "-" + ValidationFiles.fmt(m.predictedHigh()),
          ValidationFiles.pct(m.relativeError()));
    }
    w.printf(
        Locale.ROOT, "other load %.3f of the machine (mean); outputs in %s%n", o.otherLoad(), out);
  }
}
