package io.gradesim.app.bench;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.simulator.bench.ScratchFolder;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's cost as a user meets it: {@code gradesim simulate} of the same trace and scenario,
 * each run in a fresh JVM (JVM start, reading and hashing the trace, simulating, writing the
 * outputs, and for h2 opening and closing the journal), with {@code --journal none} and with the
 * default H2 journal, one after the other.
 */
final class SimulateProcessBench {
  private final Path dir;
  private final Path trace;
  private final Path scenario;
  private final long seed;

  private SimulateProcessBench(Path dir, long seed) {
    this.dir = dir;
    this.trace = dir.resolve("trace.csv");
    this.scenario = dir.resolve("bench.conf");
    this.seed = seed;
  }

  /** Writes the workload's trace and scenario files into {@code dir}. */
  static SimulateProcessBench prepare(BenchWorkload w, long seed, Path dir) throws IOException {
    SimulateProcessBench b = new SimulateProcessBench(dir, seed);
    Files.writeString(b.scenario, w.scenarioText(), StandardCharsets.UTF_8);
    PoissonArrivals arrivals = w.arrivals(seed);
    try (CanonicalTraceWriter out = new CanonicalTraceWriter(b.trace)) {
      for (Submission s = arrivals.next(); s != null; s = arrivals.next()) {
        out.write(s);
      }
      out.commit();
    }
    return b;
  }

  /** The trace file written. */
  Path trace() {
    return trace;
  }

  /**
   * Runs {@code gradesim simulate} once in a fresh JVM with {@code --journal journal} (the H2
   * journal lives in this bench's own data folder); returns its wall time in seconds.
   */
  double simulate(String journal, String tag) throws IOException {
    Path out = dir.resolve("out-" + tag);
    Path log = dir.resolve("log-" + tag + ".txt");
    List<String> cmd = javaCommand(dir.resolve("home"));
    cmd.addAll(
        List.of(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--seed",
            Long.toString(seed),
            "--journal",
            journal,
            "--out",
            out.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while timing gradesim simulate", e);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IOException(
          "gradesim simulate --journal "
              + journal
              + " exited with "
              + code
              + ":\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    ScratchFolder.deleteTree(out); // ~200 MB of outputs per 1M-submission run
    return s;
  }

  /**
   * {@code java [memory, class-data sharing and -D options of this JVM] -cp <this class path> <main
   * class>}, with the data folder set to {@code home}: the JVM the launcher would start.
   */
  static List<String> javaCommand(Path home) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      boolean memory = a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss");
      boolean property = a.startsWith("-D") && !a.startsWith("-Dgradesim.home=");
      boolean cds = a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xlog:cds");
      if (memory || property || cds) {
        cmd.add(a);
      }
    }
    cmd.add("-Dgradesim.home=" + home.toAbsolutePath());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.gradesim.cli.GradesimCommand");
    return cmd;
  }
}
