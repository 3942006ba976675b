package io.gradesim.app.plan;

import io.gradesim.app.cluster.ClusterOptions;
import io.gradesim.app.sweep.SweepRunner;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.cli.SimulateCommand;
import io.gradesim.files.AtomicWrite;
import io.gradesim.files.InputFiles;
import io.gradesim.files.OutputGuard;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.report.Slo;
import io.gradesim.report.Verdict;
import io.gradesim.traces.scale.ScaleTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradesim plan}: the cheapest capacity plan meeting the SLO, per load level. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Finds, per load level, the cheapest capacity plan of a space of levers whose service level"
          + " holds with confidence over replications, and says how many candidates it ran.",
      "The space (HOCON, see app/README.md and simulator/scenarios/space-example.conf) names a"
          + " base scenario (today's pool) and the levers: agent shapes with a price per hour,"
          + " a range of agent counts, slots per core, runtimes, warm-pool sizes, autoscaling.",
      "A plan meets when, for every --slo, the one-sided upper bound at --confidence of the"
          + " mean over --replications runs is within the limit. The search bisects the agent"
          + " count of each family (more agents are never worse), prunes candidates that cannot"
          + " be cheaper than a plan known to meet, and enumerates runtimes and warm pools.",
      "With --cluster the runs go to the worker nodes of a cluster (gradesim cluster node);"
          + " the plan and every run's outputs are the same bytes as here.",
      "Writes plan.csv (every candidate per load: levers, cost, intervals, verdict, whether it"
          + " was evaluated, bisected or pruned), plan.html, runs/ and traces/ into --out and"
          + " prints a table per load level with the best plan of each lever family."
    })
public final class PlanCommand implements Callable<Integer> {
  /** The CSV file written. */
  public static final String CSV = "plan.csv";

  /** The page written. */
  public static final String HTML = "plan.html";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trace",
      required = true,
      paramLabel = "TRACE",
      description = "Canonical trace (CSV, .gz accepted): today's load.")
  Path trace;

  @Option(
      names = "--calibration",
      paramLabel = "PROFILE",
      description =
          "Calibration profile JSON for scenarios with costs = profile (default: the"
              + " bundled literature profile).")
  Path calibration;

  @Option(
      names = "--slo",
      paramLabel = "EXPR",
      description =
          "Objective, repeatable, all must hold: METRIC <= LIMIT, e.g."
              + " \"feedback_p95 <= 60s\", \"wait_p99 <= 30s\" (default: feedback_p95 <= 60s).")
  List<String> slos = new ArrayList<>();

  @Option(
      names = "--space",
      required = true,
      paramLabel = "SPACE.conf",
      description = "The planning space (HOCON).")
  Path space;

  @Option(
      names = "--load",
      split = ",",
      paramLabel = "Kx",
      defaultValue = "1x",
      description =
          "Load levels, comma-separated (trace scale --load with --seed; 1x is the"
              + " trace itself; default: ${DEFAULT-VALUE}).")
  List<String> loads;

  @Option(
      names = "--replications",
      paramLabel = "R",
      defaultValue = "10",
      description =
          "Runs per candidate with independent seeds, as compare --replications"
              + " (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--extra-replications",
      paramLabel = "E",
      defaultValue = "0",
      description =
          "More runs for a candidate whose interval straddles a limit (borderline),"
              + " once (default: ${DEFAULT-VALUE}: none).")
  int extra;

  @Option(
      names = "--confidence",
      paramLabel = "C",
      defaultValue = "0.95",
      description = "Confidence of the intervals (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Runs at once (default: the number of processors).")
  Integer parallel;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Seed of the load scaling and the replications (default: the base" + " scenario's seed).")
  Long seed;

  @Option(
      names = "--close",
      paramLabel = "INSTANT",
      description =
          "When the exam closes for admission = closed-loop, e.g. 2024-01-15T12:00:00Z, at every"
              + " load (default: each load's trace's last arrival plus its longest recorded"
              + " feedback).")
  Instant close;

  @CommandLine.Mixin ClusterOptions clusterOptions = new ClusterOptions();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder for plan.csv, plan.html, runs/ and traces/ (created if absent).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (replications < 2) {
      throw new IllegalArgumentException("--replications: at least 2, for an interval");
    }
    if (extra < 0) {
      throw new IllegalArgumentException("--extra-replications: must not be negative");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("--confidence: must lie between 0 and 1, e.g. 0.95");
    }
    int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new IllegalArgumentException("--parallel: must be at least 1");
    }
    List<Double> factors = new ArrayList<>();
    for (String l : loads) {
      factors.add(ScaleTarget.Load.parse(l).factor());
    }
    List<Slo> objectives = Slo.parseAll("--slo", slos);
    Verdict verdict = objectives.isEmpty() ? new Verdict(60) : new Verdict(objectives);
    InputFiles.requireFile("--trace", trace);
    PlanSpace s = PlanSpace.read(space);
    new OutputGuard()
        .input("--trace", trace)
        .input("--calibration", calibration)
        .input("--space", space)
        .input("--space base", s.base())
        .dir("--out", out, List.of(CSV, HTML), List.of("runs", "traces"))
        .check();
    GradesimSystem actors = GradesimSystem.of(spec);
    SweepRunner runner = null;
    if (clusterOptions.given()) {
      clusterOptions.join(actors);
      runner = clusterOptions.sweep(actors.get(), "none", spec.commandLine().getErr(), "plan");
    }
    run(
        actors.get(),
        new Planner.Request(
            trace,
            calibration,
            s,
            verdict,
            factors,
            replications,
            extra,
            confidence,
            seed,
            threads,
            out,
            ProgressBar::onStderr,
            SimulateCommand.withClose(List.of(), close),
            runner),
        spec.commandLine().getOut());
    return 0;
  }

  /**
   * Plans {@code request} through {@code system}, writes plan.csv and plan.html into its output
   * folder and prints the table to {@code out}: what the command does once its options are checked
   * (the demo calls it too); returns the levels.
   */
  public static List<Planner.Level> run(
      ActorSystem<?> system, Planner.Request request, PrintWriter out) throws IOException {
    List<Planner.Level> levels = Planner.plan(system, request);
    Verdict verdict = request.verdict();
    String table = PlanTable.text(request.space(), levels, verdict, request.confidence());
    AtomicWrite.writeString(request.out().resolve(CSV), PlanTable.csv(levels, verdict));
    Path page =
        AtomicWrite.writeString(
            request.out().resolve(HTML),
            PlanPage.render(request.space(), levels, verdict, request.confidence(), table));
    out.print(table);
    out.println("plan.csv and plan.html written: " + page);
    out.flush();
    return levels;
  }
}
