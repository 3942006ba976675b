package io.gradesim.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.app.demo.DemoInputs;
import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.bench.ScratchFolder;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gradesim bench compare}: simulated submissions per second of wall time of a whole {@code
 * gradesim compare} process, beside the engine alone ({@code bench simulate}'s figure) measured in
 * the same rounds.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Times 'gradesim compare' of the bundled scenarios on a synthetic exam, each round in a "
          + "fresh JVM with --heap (JVM start, the trace's scan, every run, the outputs and the "
          + "report included), and counts the submissions simulated (the runs' summary.json) per "
          + "second of that wall time (target >= 1,000,000). Each round also measures the "
          + "engine alone in this JVM on bench simulate's workload (Poisson, load 0.9, 40 "
          + "slots, no outputs) and prints both figures and their ratio. The trace is "
          + "written once by 'gradesim trace synth exam' into a temporary folder, deleted "
          + "afterwards."
    })
public final class BenchCompareCommand implements Callable<Integer> {
  /** The bundled scenarios that need no measured profile. */
  static final List<String> SCENARIOS =
      List.of(
          "inginious-today",
          "runtime-crun",
          "runtime-firecracker",
          "runtime-kata",
          "vertical",
          "horizontal",
          "autoscale",
          "warm-pool",
          "mmc");

  @Option(
      names = "--students",
      paramLabel = "N",
      description = "students of the exam (default: ${DEFAULT-VALUE})")
  int students = 20_000;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "exam length (default: ${DEFAULT-VALUE})")
  String duration = "3h";

  @Option(
      names = "--tasks",
      paramLabel = "K",
      description = "tasks of the exam (default: ${DEFAULT-VALUE})")
  int tasks = 6;

  @Option(
      names = "--grading",
      paramLabel = "DIST",
      description = "grading time (default: ${DEFAULT-VALUE})")
  String grading = "lognormal:median=3s,sigma=0.6";

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "seed of the exam (default: ${DEFAULT-VALUE})")
  long seed = 3;

  @Option(
      names = "--scenarios",
      split = ",",
      paramLabel = "NAME",
      description = "bundled scenarios to compare (default: the 9 that need no measured profile)")
  List<String> scenarios = SCENARIOS;

  @Option(
      names = "--heap",
      paramLabel = "SIZE",
      description = "maximum heap of the compare JVM, as -Xmx takes it (default: ${DEFAULT-VALUE})")
  String heap = "1g";

  @Option(
      names = "--repeat",
      paramLabel = "R",
      description = "measured rounds (default: ${DEFAULT-VALUE})")
  int repeat = 3;

  @Option(
      names = "--warmup",
      paramLabel = "W",
      description = "discarded warm-up rounds (default: ${DEFAULT-VALUE})")
  int warmup = 1;

  @Option(
      names = "--engine-submissions",
      paramLabel = "N",
      description = "submissions of the engine-only run (default: ${DEFAULT-VALUE})")
  long engineSubmissions = 1_000_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (repeat <= 0 || warmup < 0 || engineSubmissions <= 0) {
      throw new IllegalArgumentException(
          "--repeat and --engine-submissions must be positive, --warmup at least 0");
    }
    List<Path> files = new ArrayList<>();
    for (String name : scenarios) {
      Path f = DemoInputs.scenarioFolder().resolve(name + ".conf");
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException(
            "--scenarios: " + f + " is not a bundled scenario (run through ./gradesim)");
      }
      files.add(f);
    }
    PrintWriter o = spec.commandLine().getOut();
    Path tmp = Files.createTempDirectory("gradesim-bench-compare");
    try {
      Path trace = tmp.resolve("exam.csv");
      run(tmp, "synth", synth(trace));
      o.printf(
          "bench compare: %d scenarios on trace synth exam --students %d --duration %s --tasks %d"
              + " --grading %s --seed %d (%,d bytes), compare with -Xmx%s, engine alone on %,d"
              + " submissions (40 slots, load 0.9); %d warm-up + %d measured rounds%n",
          files.size(),
          students,
          duration,
          tasks,
          grading,
          seed,
          Files.size(trace),
          heap,
          engineSubmissions,
          warmup,
          repeat);
      o.flush();
      measure(o, tmp, trace, files);
    } finally {
      ScratchFolder.deleteTree(tmp);
    }
    return 0;
  }

  private void measure(PrintWriter o, Path tmp, Path trace, List<Path> files) throws IOException {
    SimulateBenchmark engine = new SimulateBenchmark(new BenchWorkload(engineSubmissions, 40));
    engine.measure(2, 0); // compiles the engine before the first measured run
    List<Double> engineRates = new ArrayList<>();
    List<Double> compareRates = new ArrayList<>();
    List<Double> walls = new ArrayList<>();
    for (int i = 0; i < warmup + repeat; i++) {
      double e = engine.measure(0, 1).get(0).submissionsPerS();
      Path out = tmp.resolve("compare-" + i);
      List<String> args = new ArrayList<>(List.of("compare", "--trace", trace.toString()));
      files.forEach(f -> args.add(f.toString()));
      args.addAll(List.of("--out", out.toString()));
      double wall = run(tmp, "compare-" + i, args);
      long simulated = simulated(out, files.size());
      ScratchFolder.deleteTree(out); // ~45 MB of outputs per scenario of the exam
      double rate = simulated / wall;
      String tag = i < warmup ? "warm-up" : "round " + (i - warmup + 1);
      o.printf(
          "  %-8s compare %6.2f s, %,d submissions simulated: %,11.0f /s   engine %,11.0f /s"
              + "   engine/compare %.2f%n",
          tag, wall, simulated, rate, e, e / rate);
      o.flush();
      if (i >= warmup) {
        engineRates.add(e);
        compareRates.add(rate);
        walls.add(wall);
      }
    }
    double[] c = spread(compareRates);
    double[] e = spread(engineRates);
    double[] w = spread(walls);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < engineRates.size(); i++) {
      ratios.add(engineRates.get(i) / compareRates.get(i));
    }
    double[] r = spread(ratios);
    o.printf(
        "  compare (whole process): median %,.0f submissions/s (min %,.0f, max %,.0f, n=%d;"
            + " wall median %.2f s) (target >= 1,000,000)%n",
        c[0], c[1], c[2], compareRates.size(), w[0]);
    o.printf(
        "  engine alone (bench simulate, one thread): median %,.0f submissions/s (min %,.0f,"
            + " max %,.0f)%n",
        e[0], e[1], e[2]);
    o.printf(
        "  engine/compare: %.2fx (median of the rounds' ratios; min %.2f, max %.2f), with %d"
            + " cores%n",
        r[0], r[1], r[2], Runtime.getRuntime().availableProcessors());
    o.flush();
  }

  private List<String> synth(Path trace) {
    return List.of(
        "trace",
        "synth",
        "exam",
        "--students",
        Integer.toString(students),
        "--duration",
        duration,
        "--tasks",
        Integer.toString(tasks),
        "--grading",
        grading,
        "--seed",
        Long.toString(seed),
        "-o",
        trace.toString());
  }

  /** Submissions the runs of a finished compare simulated, from their summary.json. */
  static long simulated(Path out, int runs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    long n = 0;
    int found = 0;
    try (var dirs = Files.list(out.resolve("runs"))) {
      for (Path d : dirs.toList()) {
        n += json.readTree(d.resolve(RunOutputWriter.SUMMARY).toFile()).get("submissions").asLong();
        found++;
      }
    }
    if (found != runs) {
      throw new IOException(out + ": " + found + " runs finished, expected " + runs);
    }
    return n;
  }

  /** Runs gradesim {@code args} in a fresh JVM with {@code -Xmx<heap>}; its wall time in s. */
  private double run(Path tmp, String tag, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    for (String a : SimulateProcessBench.javaCommand(tmp.resolve("home"))) {
      if (!a.startsWith("-Xmx")) {
        cmd.add(a);
      }
      if (cmd.size() == 1) {
        cmd.add("-Xmx" + heap);
      }
    }
    cmd.addAll(args);
    return GradesimProcess.run(cmd, tmp.resolve("log-" + tag + ".txt"), "gradesim " + args.get(0));
  }

  private static double[] spread(List<Double> v) {
    return SimulateBenchmark.spread(v.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
