package io.gradesim.cli;

import io.gradesim.app.cluster.ClusterOptions;
import io.gradesim.app.cluster.ClusterSweep;
import io.gradesim.app.plan.Replications;
import io.gradesim.app.sweep.ScenarioSweep;
import io.gradesim.app.sweep.SweepJournal;
import io.gradesim.app.sweep.Sweeps;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.OutputGuard;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.journal.JournalTarget;
import io.gradesim.journal.RunJournal;
import io.gradesim.report.CompareReport;
import io.gradesim.report.Slo;
import io.gradesim.report.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compares capacity plans: runs scenarios (or reads finished runs) and writes the report. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares capacity plans side by side: a table, compare.csv and report.html.",
      "Prints one line per scenario (pool, runtime, cost, feedback p50/p95/p99, wait p95, peak "
          + "queue, utilisation, rejected) and a verdict, and writes compare.csv and a self-contained "
          + "report.html with charts into --out. Two forms:",
      "  compare --trace T [--calibration P] S1.conf S2.conf ... --out DIR",
      "    replays every scenario in parallel into DIR/runs/<scenario>/ first;",
      "  compare --runs DIR1,DIR2,... [--calibration P] --out DIR",
      "    reports on finished runs (summary.json, submissions.csv, timeseries.csv)."
    })
public final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "SCENARIO",
      arity = "0..*",
      description = "Scenario files (HOCON) to replay on --trace.")
  List<Path> scenarios = new ArrayList<>();

  @Option(
      names = "--trace",
      paramLabel = "TRACE",
      description = "Canonical trace (CSV, .gz accepted) every scenario replays.")
  Path trace;

  @Option(
      names = "--runs",
      split = ",",
      paramLabel = "DIR",
      description =
          "Finished run directories, one per scenario, comma-separated (instead of "
              + "--trace and scenario files).")
  List<Path> runs = new ArrayList<>();

  @Option(
      names = "--calibration",
      paramLabel = "PROFILE",
      description =
          "Calibration profile JSON: adds the stage-cost chart and marks runtimes "
              + "known only from the literature.")
  Path calibration;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for compare.csv, report.html (and runs/) (created if absent).")
  Path out;

  @Option(
      names = "--slo",
      paramLabel = "EXPR",
      description =
          "Service-level objective, repeatable, all must hold: METRIC <= LIMIT with a "
              + "summary.json figure and a unit for times, e.g. \"feedback_p95 <= 60s\", "
              + "\"wait_p99 <= 30s\", \"peak_queue <= 20\" (default: feedback_p95 <= 60s).")
  List<String> slos = new ArrayList<>();

  @Option(
      names = "--slo-p95",
      paramLabel = "SECONDS",
      description = "Alias of --slo \"feedback_p95 <= SECONDSs\".")
  Double sloP95;

  @Option(
      names = "--replications",
      paramLabel = "R",
      defaultValue = "1",
      description =
          "Runs per scenario with independent seeds (the first is the scenario's own seed); "
              + "with R > 1 the table, compare.csv and report.html show a 95 %% t-interval of "
              + "the mean of each objective's figure and the verdict takes its one-sided upper "
              + "bound (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--confidence",
      paramLabel = "C",
      defaultValue = "0.95",
      description = "Confidence of the intervals with --replications (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--close",
      paramLabel = "INSTANT",
      description =
          "When the exam closes for admission = closed-loop, e.g. 2024-01-15T12:00:00Z (default:"
              + " the trace's last arrival plus its longest recorded feedback).")
  Instant close;

  @Option(
      names = "--journal",
      paramLabel = "none|h2|URL",
      description =
          "Where the replayed runs are recorded: none (default), h2 (the data folder's H2 file) or"
              + " jdbc:postgresql://host/db?user=..&password=..; each run is recorded under one"
              + " hash of its trace, scenario, calibration and version hashes and its seed, so the"
              + " same command run again after an interruption does not run again the runs the"
              + " journal holds as finished and resumes the others.")
  String journal = "none";

  @CommandLine.Mixin ClusterOptions clusterOptions = new ClusterOptions();

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Runs at once (default: the number of processors).")
  Integer parallel;

  @Override
  public Integer call() throws Exception {
    Verdict verdict = verdict(sloP95, slos);
    if (replications < 1 || (replications > 1 && !runs.isEmpty())) {
      throw new IllegalArgumentException(
          "--replications: must be at least 1, and more than 1 only with --trace and scenarios");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("--confidence: must lie between 0 and 1, e.g. 0.95");
    }
    List<String> written = new ArrayList<>(List.of(CompareReport.CSV, CompareReport.HTML));
    new OutputGuard()
        .input("--trace", trace)
        .inputs("SCENARIO", scenarios)
        .input("--calibration", calibration)
        .inputs("--runs", runs)
        .dir("--out", out, written, runs.isEmpty() ? List.of(ScenarioSweep.RUNS) : List.of())
        .check();
    List<Path> dirs = runs.isEmpty() ? replay() : finishedRuns();
    ProgressBar bar =
        ProgressBar.onStderr("reading " + dirs.size() + " runs", CompareReport.bytesToRead(dirs));
    CompareReport report = CompareReport.read(dirs, Optional.ofNullable(calibration), verdict, bar);
    bar.finish();
    if (replications > 1) {
      report =
          report.withReplications(
              Replications.runFurther(
                  GradesimSystem.of(spec).get(),
                  trace,
                  calibration,
                  scenarios,
                  SimulateCommand.withClose(List.of(), close),
                  dirs,
                  replications,
                  threads(),
                  bar()),
              confidence);
    }
    Path page = report.writeTo(out);
    PrintWriter o = spec.commandLine().getOut();
    o.print(report.table());
    o.println("compare.csv and report.html written: " + page.toAbsolutePath());
    o.flush();
    return 0;
  }

  private List<Path> finishedRuns() {
    if (trace != null || !scenarios.isEmpty()) {
      throw new IllegalArgumentException(
          "--runs: give either --runs or --trace with scenario " + "files, not both");
    }
    return runs;
  }

  private List<Path> replay() throws Exception {
    if (trace == null || scenarios.isEmpty()) {
      throw new IllegalArgumentException(
          "compare: give --trace and scenario files, or --runs " + "with finished run directories");
    }
    JournalTarget target = JournalTarget.parse(journal, JournalTarget.defaultHome());
    GradesimSystem actors = GradesimSystem.of(spec);
    List<String> overrides = SimulateCommand.withClose(List.of(), close);
    if (clusterOptions.given()) {
      if (target.enabled() && !target.postgres()) {
        throw new IllegalArgumentException(
            "--cluster with --journal "
                + journal
                + ": the worker nodes cannot write this machine's H2 file; give the PostgreSQL URL"
                + " every node was started with (--journal jdbc:postgresql://...), or none");
      }
      clusterOptions.join(actors);
      ActorSystem<?> system = actors.system(target);
      ClusterSweep runner =
          clusterOptions.sweep(system, target.label(), spec.commandLine().getErr(), "compare");
      return journaled(
          target,
          system,
          sweep ->
              ScenarioSweep.run(
                  trace, calibration, scenarios, overrides, out, bar(), sweep, runner));
    }
    if (!target.enabled()) {
      int threads = threads();
      // The actor system starts on another thread while the trace is scanned and the runs are
      // prepared, so its start overlaps them instead of preceding them.
      CompletableFuture<ActorSystem<Void>> system = CompletableFuture.supplyAsync(actors::get);
      return ScenarioSweep.run(
          trace,
          calibration,
          scenarios,
          overrides,
          out,
          bar(),
          null,
          (specs, requests) -> Sweeps.run(started(system), specs, threads));
    }
    int n = threads();
    return journaled(
        target,
        actors.system(target),
        sweep ->
            ScenarioSweep.run(
                actors.get(), trace, calibration, scenarios, overrides, out, n, bar(), sweep));
  }

  /** A sweep that records into {@code target} (none: no journal) in {@code system}. */
  private interface Sweep {
    List<Path> run(SweepJournal journal) throws IOException;
  }

  /**
   * Runs {@code sweep} with the journal of {@code target} open (null when none), then says how many
   * runs the journal held as finished already.
   */
  private List<Path> journaled(JournalTarget target, ActorSystem<?> system, Sweep sweep)
      throws IOException {
    if (!target.enabled()) {
      return sweep.run(null);
    }
    try (RunJournal j = RunJournal.open(target, system)) {
      SweepJournal journal = new SweepJournal(j);
      List<Path> dirs = sweep.run(journal);
      if (journal.finishedBefore() > 0) {
        spec.commandLine()
            .getErr()
            .printf(
                "compare: %d of %d runs were already finished in journal %s: not run again%n",
                journal.finishedBefore(), dirs.size(), j.target().label());
      }
      return dirs;
    }
  }

  /** The system {@code starting} started, its failure thrown as it was. */
  private static ActorSystem<Void> started(CompletableFuture<ActorSystem<Void>> starting) {
    try {
      return starting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private int threads() {
    int n = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new IllegalArgumentException("--parallel: must be at least 1");
    }
    return n;
  }

  private static ProgressBar.Factory bar() {
    return ProgressBar::onStderr;
  }

  /** The verdict of {@code --slo} and {@code --slo-p95} (its alias); feedback p95 <= 60 s alone. */
  static Verdict verdict(Double sloP95, List<String> slos) {
    List<Slo> all = new ArrayList<>(Slo.parseAll("--slo", slos));
    if (sloP95 != null) {
      if (!(sloP95 > 0)) {
        throw new IllegalArgumentException("--slo-p95: must be a positive number of seconds");
      }
      all.add(Slo.feedbackP95(sloP95));
    }
    return all.isEmpty() ? new Verdict(60) : new Verdict(all);
  }
}
