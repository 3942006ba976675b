package io.gradesim.traces.cli;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench trace}: synthesises an N-row canonical trace with every column filled, converts it
 * (canonical reader to canonical writer) R times after a warm-up, and prints the median rows/s with
 * its spread and the heap peak.
 */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks canonical trace conversion.",
      "Reads a canonical CSV and writes it again:",
      "synthesises an N-row trace in a temporary folder, converts it after a warm-up,",
      "prints rows/s per run, the median with min and max, and the JVM heap peak."
    })
public final class TraceBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "Rows (default " + "${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--repeat",
      defaultValue = "5",
      description = "Measured conversions " + "(default ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description = "Unmeasured conversions first " + "(default ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws IOException {
    if (rows < 1 || repeat < 1 || warmup < 0) {
      throw new IllegalArgumentException("--rows and --repeat must be positive, --warmup >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("gradesim-bench-trace");
    try {
      Path source = dir.resolve("source.csv");
      try (CanonicalTraceWriter w = new CanonicalTraceWriter(source)) {
        for (Iterator<Submission> it = synthetic(rows); it.hasNext(); ) {
          w.write(it.next());
        }
        w.commit();
      }
      out.printf(
          Locale.ROOT,
          "trace: %d rows, %.1f MB, %d warm-up + %d measured conversions%n",
          rows,
          Files.size(source) / 1e6,
          warmup,
          repeat);
      for (int i = 0; i < warmup; i++) {
        convert(source, dir.resolve("copy.csv"));
      }
      resetHeapPeak();
      double[] rates = new double[repeat];
      double[] cpuRates = new double[repeat];
      for (int i = 0; i < repeat; i++) {
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        long n = convert(source, dir.resolve("copy.csv"));
        cpuRates[i] = n / ((processCpuNanos() - c0) / 1e9);
        rates[i] = n / ((System.nanoTime() - t0) / 1e9);
        out.printf(
            Locale.ROOT,
            "run %d: %,.0f rows/s wall, %,.0f rows per process CPU-second%n",
            i + 1,
            rates[i],
            cpuRates[i]);
      }
      out.printf(
          Locale.ROOT,
          "convert: median %s rows/s wall, %s rows per CPU-second of the"
              + " whole process (all threads, GC included); heap peak %.0f MB of max %.0f MB;"
              + " load average %.1f on %d cores%n",
          summary(rates),
          summary(cpuRates),
          heapPeak() / 1e6,
          Runtime.getRuntime().maxMemory() / 1e6,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
    return 0;
  }

  /** The median with min, max and count, e.g. {@code 612,000 (min 580,000, max 640,000, n=5)}. */
  private static String summary(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return String.format(
        Locale.ROOT, "%,.0f (min %,.0f, max %,.0f, n=%d)", median, v[0], v[n - 1], n);
  }

  private static long convert(Path from, Path to) throws IOException {
    try (Stream<Submission> in = CanonicalTraceReader.read(from, RejectSink.STRICT);
        CanonicalTraceWriter w = new CanonicalTraceWriter(to)) {
      for (Iterator<Submission> it = in.iterator(); it.hasNext(); ) {
        w.write(it.next());
      }
      w.commit();
      return w.rows();
    }
  }

  /** A realistic exam-like trace: 20 tasks, 3 environments, users, results and limits. */
  static Iterator<Submission> synthetic(long n) {
    SplittableRandom rng = new SplittableRandom(42);
    String[] results = {"success", "failed", "failed", "timeout", "crash"};
    String[] envs = {"docker/default", "docker/java", "docker/cpp"};
    return new Iterator<>() {
      private long i;
      private long micros = Instant.parse("2024-01-15T08:00:00Z").getEpochSecond() * 1_000_000;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public Submission next() {
        i++;
        micros += (long) (-200_000 * Math.log(1 - rng.nextDouble()));
        Instant at = Instant.ofEpochMilli(micros / 1000);
        int task = rng.nextInt(20);
        long grading = 500 + rng.nextInt(20_000);
        return new Submission(
            Long.toString(i),
            at,
            "exam-2024",
            "task" + task,
            List.of("u" + Long.toHexString(rng.nextLong() & 0xffffffffffffL)),
            envs[task % 3],
            0,
            grading,
            at.plusMillis(grading + 1000).truncatedTo(ChronoUnit.SECONDS),
            results[rng.nextInt(results.length)],
            20.0,
            60.0,
            1024L);
      }
    };
  }

  /** CPU time of the whole JVM: reader thread, writer thread and GC. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static void resetHeapPeak() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peak usage since the last reset. */
  private static long heapPeak() {
    long sum = 0;
    List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
    for (MemoryPoolMXBean pool : pools) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
