package io.gradesim.cli;

import io.gradesim.app.sweep.ScenarioSweep;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.OutputGuard;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.report.CompareReport;
import io.gradesim.report.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
      names = "--slo-p95",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Service level for the verdict: feedback p95 at most this many seconds "
              + "(default: ${DEFAULT-VALUE}).")
  double sloP95;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Runs at once (default: the number of processors).")
  Integer parallel;

  @Override
  public Integer call() throws Exception {
    if (!(sloP95 > 0)) {
      throw new IllegalArgumentException("--slo-p95: must be a positive number of seconds");
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
    CompareReport report =
        CompareReport.read(dirs, Optional.ofNullable(calibration), new Verdict(sloP95), bar);
    bar.finish();
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
    int n = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new IllegalArgumentException("--parallel: must be at least 1");
    }
    return ScenarioSweep.run(
        GradesimSystem.of(spec).get(),
        trace,
        calibration,
        scenarios,
        out,
        n,
        ProgressBar::onStderr);
  }
}
