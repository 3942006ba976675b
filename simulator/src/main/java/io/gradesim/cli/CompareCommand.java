package io.gradesim.cli;

import io.gradesim.simulator.report.CompareReport;
import io.gradesim.simulator.report.ProgressBar;
import io.gradesim.simulator.report.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compares capacity plans: the table, compare.csv and report.html from finished runs. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares scenarios replayed on the same trace: prints a table (pool, runtime, cost,",
      "feedback p50/p95/p99, wait p95, peak queue, utilisation, rejected) and a verdict, and",
      "writes compare.csv and a self-contained report.html with charts into --out.",
      "Form: --runs DIR1,DIR2,... reports on finished run directories (each holding",
      "summary.json, submissions.csv and timeseries.csv)."
    })
public final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", split = ",", required = true, paramLabel = "DIR",
      description = "Finished run directories, one per scenario, comma-separated.")
  List<Path> runs;

  @Option(names = "--calibration", paramLabel = "PROFILE",
      description = "Calibration profile JSON: adds the stage-cost chart and marks runtimes "
          + "known only from the literature.")
  Path calibration;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory for compare.csv and report.html (created if absent).")
  Path out;

  @Option(names = "--slo-p95", paramLabel = "SECONDS", defaultValue = "60",
      description = "Service level for the verdict: feedback p95 at most this many seconds "
          + "(default: ${DEFAULT-VALUE}).")
  double sloP95;

  @Override
  public Integer call() throws Exception {
    if (!(sloP95 > 0)) {
      throw new IllegalArgumentException("--slo-p95: must be a positive number of seconds");
    }
    ProgressBar bar = ProgressBar.onStderr("reading " + runs.size() + " runs",
        CompareReport.bytesToRead(runs));
    CompareReport report = CompareReport.read(runs, Optional.ofNullable(calibration),
        new Verdict(sloP95), bar);
    bar.finish();
    Path page = report.writeTo(out);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.table());
    out.println("compare.csv and report.html written: " + page.toAbsolutePath());
    out.flush();
    return 0;
  }
}
