package io.gradesim.app.bench;

import io.gradesim.app.demo.DemoInputs;
import io.gradesim.app.plan.PlanCommand;
import io.gradesim.app.plan.PlanCounts;
import io.gradesim.app.plan.PlanSpace;
import io.gradesim.files.PartialFiles;
import io.gradesim.simulator.bench.ScratchFolder;
import io.gradesim.simulator.run.TraceScan;
import io.gradesim.traces.scale.ScaleTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gradesim bench plan}: the wall time of a whole {@code gradesim plan} process over the
 * bundled 200-candidate space on the bundled sample exam grown to 4x its load, against the issue's
 * target of 2 minutes, with the candidates the search ran.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Times 'gradesim plan' over a planning space (default: the bundled"
          + " simulator/scenarios/spaces/bench-200.conf, 200 candidates) with --replications 10"
          + " on the bundled sample INGInious exam scaled to 4x (trace import, then trace scale"
          + " --load 4x --seed 1, as the demo does; not timed). Each round runs plan in a fresh"
          + " JVM (JVM start, the trace's scan, every run and the outputs included) and prints"
          + " its wall time, the candidates it evaluated of the space's, the runs it made and"
          + " whether it is within the target of 2 minutes. Works in a temporary folder, deleted"
          + " afterwards."
    })
public final class BenchPlanCommand implements Callable<Integer> {
  /** The issue's target for plan over 200 candidates with R = 10 at 4x, in seconds. */
  static final double TARGET_S = 120;

  @Option(
      names = "--space",
      paramLabel = "SPACE.conf",
      description = "planning space (default: the bundled spaces/bench-200.conf)")
  Path space;

  @Option(
      names = "--load",
      paramLabel = "Kx",
      description =
          "load of the sample exam, as trace scale --load takes it; 1x is the exam itself"
              + " (default: ${DEFAULT-VALUE})")
  String load = "4x";

  @Option(
      names = "--replications",
      paramLabel = "R",
      description = "plan's --replications (default: ${DEFAULT-VALUE})")
  int replications = 10;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "seed of trace scale and of plan (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      description = "measured rounds (default: ${DEFAULT-VALUE})")
  int repeat = 3;

  @Option(
      names = "--warmup",
      paramLabel = "W",
      description = "discarded warm-up rounds (default: ${DEFAULT-VALUE})")
  int warmup = 0;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (repeat <= 0 || warmup < 0 || replications < 2) {
      throw new IllegalArgumentException(
          "--repeat must be positive, --warmup at least 0, --replications at least 2");
    }
    double factor = ScaleTarget.Load.parse(load).factor();
    Path file =
        space != null
            ? space
            : DemoInputs.scenarioFolder().resolve("spaces").resolve("bench-200.conf");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "--space: "
              + file
              + " is not a file"
              + (space == null ? " (run through ./gradesim, or give --space)" : ""));
    }
    int candidates = PlanSpace.read(file).size();
    PrintWriter o = spec.commandLine().getOut();
    // Removed on Ctrl-C too (the shutdown hook of PartialFiles), with the child's outputs.
    Path tmp =
        PartialFiles.createDirectory(Path.of(System.getProperty("java.io.tmpdir")), "benchplan");
    try {
      Path trace = exam(tmp, factor);
      String exam =
          factor == 1
              ? "the sample exam"
              : "the sample exam at " + load + " (trace scale --load " + load + " --seed " + seed;
      o.printf(
          "bench plan: plan over %s (%d candidates) with --replications %d --seed %d on %s%s%,d"
              + " submissions), each round in a fresh JVM; %d warm-up + %d measured rounds%n",
          file.getFileName(),
          candidates,
          replications,
          seed,
          exam,
          factor == 1 ? " (" : ": ",
          TraceScan.of(trace).submissions(),
          warmup,
          repeat);
      o.flush();
      measure(o, tmp, trace, file);
    } finally {
      PartialFiles.delete(tmp);
    }
    return 0;
  }

  /** The bundled exam imported, scaled to {@code factor} unless it is 1 (each a fresh JVM). */
  private Path exam(Path tmp, double factor) throws IOException {
    Path input = tmp.resolve("input");
    Path export = DemoInputs.extractExam(input);
    Path exam = tmp.resolve("exam.csv");
    gradesim(
        tmp,
        "trace import",
        List.of(
            "trace",
            "import",
            "--format",
            "inginious",
            export.toString(),
            "--tasks",
            input.resolve("tasks").toString(),
            "-o",
            exam.toString()));
    if (factor == 1) {
      return exam;
    }
    Path scaled = tmp.resolve("exam-" + load + ".csv");
    gradesim(
        tmp,
        "trace scale",
        List.of(
            "trace",
            "scale",
            "--load",
            load,
            "--seed",
            Long.toString(seed),
            exam.toString(),
            "-o",
            scaled.toString()));
    return scaled;
  }

  private void measure(PrintWriter o, Path tmp, Path trace, Path file) throws IOException {
    List<Double> walls = new ArrayList<>();
    Set<String> searched = new LinkedHashSet<>();
    int within = 0;
    for (int i = 0; i < warmup + repeat; i++) {
      Path out = tmp.resolve("plan-" + i);
      double wall =
          gradesim(
              tmp,
              "plan",
              List.of(
                  "plan",
                  "--trace",
                  trace.toString(),
                  "--space",
                  file.toString(),
                  "--replications",
                  Integer.toString(replications),
                  "--seed",
                  Long.toString(seed),
                  "--out",
                  out.toString()));
      PlanCounts c = PlanCounts.read(out.resolve(PlanCommand.CSV)).get(0);
      ScratchFolder.deleteTree(out); // every run's outputs: tens of MB
      String counts =
          String.format(
              Locale.ROOT,
              "%d of %d candidates evaluated (%.0f %%), %d runs",
              c.evaluated(),
              c.candidates(),
              100.0 * c.evaluated() / c.candidates(),
              c.runs());
      String tag = i < warmup ? "warm-up" : "round " + (i - warmup + 1);
      o.printf(
          "  %-8s plan %7.2f s, %s: %s%n",
          tag, wall, counts, wall <= TARGET_S ? "within the target" : "over the target");
      o.flush();
      if (i >= warmup) {
        walls.add(wall);
        searched.add(counts);
        within += wall <= TARGET_S ? 1 : 0;
      }
    }
    double[] w =
        SimulateBenchmark.spread(walls.stream().mapToDouble(Double::doubleValue).toArray());
    o.printf(
        "  plan (whole process): median %.2f s (min %.2f, max %.2f, n=%d), %s%n",
        w[0], w[1], w[2], walls.size(), String.join("; ", searched));
    o.printf(
        "  within the 2-minute target (<= %.0f s): %s, %d of %d rounds, with %d cores%n",
        TARGET_S,
        within == walls.size() ? "yes" : "no",
        within,
        walls.size(),
        Runtime.getRuntime().availableProcessors());
    o.flush();
  }

  /**
   * Runs gradesim {@code args} (the command {@code what}) in a fresh JVM with this bench's data
   * folder, its output in a log of the temporary folder; returns its wall time in seconds.
   */
  private static double gradesim(Path tmp, String what, List<String> args) throws IOException {
    List<String> cmd = SimulateProcessBench.javaCommand(tmp.resolve("home"));
    cmd.addAll(args);
    Path log = Files.createTempFile(tmp, "log-" + what.replace(' ', '-') + "-", ".txt");
    return GradesimProcess.run(cmd, log, "gradesim " + what);
  }
}
