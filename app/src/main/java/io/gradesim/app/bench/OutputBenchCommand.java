package io.gradesim.app.bench;

import io.gradesim.simulator.output.FoldTimer;
import io.gradesim.simulator.output.PerfReport;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.SyntheticLifecycles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradesim bench output}: throughput of the output fold on synthetic lifecycles. */
@Command(
    name = "output",
    mixinStandardHelpOptions = true,
    description = {
      "Folds N synthetic submission lifecycles (8 events each, 40 busy slots) through the run "
          + "output writer into a temporary directory, writing submissions.csv, timeseries.csv and "
          + "summary.json, and prints the median events/s and submissions/s over the repeats (warm-up "
          + "runs are discarded)."
    })
public final class OutputBenchCommand implements Callable<Integer> {
  @Option(names = "--submissions", description = "submissions per run (default: ${DEFAULT-VALUE})")
  int submissions = 1_000_000;

  @Option(names = "--repeats", description = "measured runs (default: ${DEFAULT-VALUE})")
  int repeats = 5;

  @Option(names = "--warmup", description = "discarded warm-up runs (default: ${DEFAULT-VALUE})")
  int warmup = 1;

  @Option(
      names = "--discard-rows",
      description =
          "format rows but write no CSV bytes to disk, " + "to measure the fold without the disk")
  boolean discardRows;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (submissions < 1 || repeats < 1 || warmup < 0) {
      throw new IllegalArgumentException("--submissions and --repeats must be >= 1, --warmup >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    SyntheticLifecycles run = new SyntheticLifecycles(submissions, 10, 10_000);
    Path dir = Files.createTempDirectory("gradesim-bench-output");
    try {
      double[] wallRate = new double[repeats];
      double[] cpuRate = new double[repeats];
      long events = 0;
      for (int r = -warmup; r < repeats; r++) {
        FoldTimer timer;
        try (RunOutputWriter writer = new RunOutputWriter(dir, discardRows)) {
          timer = new FoldTimer(writer);
          events = run.emit(timer);
          timer.finish();
        }
        if (r >= 0) {
          wallRate[r] = events * 1e9 / timer.wallNanos();
          cpuRate[r] = events * 1e9 / timer.cpuNanos();
        }
      }
      long bytes = Files.size(dir.resolve(RunOutputWriter.SUBMISSIONS));
      double perSubmission = events / (double) submissions;
      out.printf(
          "bench output: %,d submissions, %,d events per run (%.2f per submission), "
              + "%d runs after %d warm-up%s%n",
          submissions,
          events,
          perSubmission,
          repeats,
          warmup,
          discardRows ? ", CSV rows discarded" : ", CSV rows written to disk");
      print(out, "events/s (wall)", wallRate, 1);
      print(out, "events/s (CPU) ", cpuRate, 1);
      print(out, "rows/s (wall)  ", wallRate, perSubmission);
      print(out, "rows/s (CPU)   ", cpuRate, perSubmission);
      out.printf(
          "  submissions.csv %,d bytes; heap peak %.0f MiB; event generation not timed%n",
          bytes, PerfReport.currentHeapPeakMb());
      out.flush();
      return 0;
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static void print(PrintWriter out, String label, double[] rates, double divisor) {
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    out.printf(
        "  %s median %,.0f  min %,.0f  max %,.0f  (n=%d)%n",
        label, median / divisor, sorted[0] / divisor, sorted[n - 1] / divisor, n);
  }
}
