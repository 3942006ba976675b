package io.gradesim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gradesim.app.bench.AskPerEvent;
import io.gradesim.app.bench.SimulateBenchmark;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.OutputGuard;
import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.output.PerfReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradesim bench simulate}: simulated submissions and events per second of wall time. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the simulator on a Poisson trace generated in-process (load 0.9, agents of 8 "
          + "cores and 8 slots, docker+runc stage costs from the 2020 thesis, grading exp:mean=4s): "
          + "warm-up runs, then --repeat measured runs; prints the median submissions/s and events/s "
          + "(wall and CPU time, min-max) and writes perf.json. --parallel K also times K runs one "
          + "after another and K runs as parallel actors, and prints the speedup."
    })
public final class BenchSimulateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--submissions",
      paramLabel = "N",
      description = "submissions per run (default: ${DEFAULT-VALUE})")
  long submissions = 1_000_000;

  @Option(
      names = "--slots",
      paramLabel = "N",
      description = "slots in the pool, a multiple of 8 (default: ${DEFAULT-VALUE})")
  int slots = 40;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      description = "measured runs (default: ${DEFAULT-VALUE})")
  int repeat = 5;

  @Option(
      names = "--warmup",
      paramLabel = "W",
      description = "discarded warm-up runs (default: ${DEFAULT-VALUE})")
  int warmup = 2;

  @Option(
      names = "--parallel",
      paramLabel = "K",
      description = "also time K runs sequential vs parallel (0: skip)")
  int parallel;

  @Option(
      names = "--ask-per-event",
      paramLabel = "N",
      description = "also time N submissions with an actor round trip per event (0: skip)")
  long askPerEvent;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "directory for perf.json (default: ${DEFAULT-VALUE})")
  Path out = Path.of(".");

  @Override
  public Integer call() throws IOException {
    new OutputGuard().dir("--out", out, List.of(PerfReport.FILE), List.of()).check();
    if (submissions <= 0 || repeat <= 0 || warmup < 0 || parallel < 0) {
      throw new IllegalArgumentException("--submissions and --repeat must be positive");
    }
    PrintWriter o = spec.commandLine().getOut();
    BenchWorkload workload = new BenchWorkload(submissions, slots);
    SimulateBenchmark bench = new SimulateBenchmark(workload);
    int cores = Runtime.getRuntime().availableProcessors();
    o.printf(
        "bench simulate: %,d submissions, %d slots, load 0.9, %d warm-up + %d runs,"
            + " %d cores%n",
        submissions, slots, warmup, repeat, cores);
    List<SimulateBenchmark.Sample> samples = bench.measure(warmup, repeat);
    Map<String, Object> perf = new LinkedHashMap<>();
    perf.put("benchmark", "simulate");
    perf.put("submissions", submissions);
    perf.put("slots", slots);
    perf.put("cores", cores);
    perf.putAll(SimulateBenchmark.figures(samples));
    print(o, samples);
    if (parallel > 0) {
      long[] t = bench.parallel(parallel, cores, GradesimSystem.of(spec).get());
      double speedup = (double) t[0] / t[1];
      o.printf(
          "%d runs one after another: %.2f s; as %d parallel actors on %d cores: %.2f s;"
              + " speedup %.2fx%n",
          parallel, t[0] / 1e9, parallel, cores, t[1] / 1e9, speedup);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("runs", parallel);
      p.put("sequential_wall_ms", t[0] / 1_000_000);
      p.put("parallel_wall_ms", t[1] / 1_000_000);
      p.put("speedup", Math.round(speedup * 100) / 100.0);
      perf.put("parallel", p);
    }
    if (askPerEvent > 0) {
      BenchWorkload small = new BenchWorkload(askPerEvent, slots);
      long plain = new SimulateBenchmark(small).measure(1, 1).get(0).wallNanos();
      long ask = AskPerEvent.measure(small);
      o.printf(
          "%,d submissions: plain loop %.3f s, ask per event %.3f s (%.0fx slower)%n",
          askPerEvent, plain / 1e9, ask / 1e9, (double) ask / plain);
      perf.put(
          "ask_per_event",
          Map.of(
              "submissions",
              askPerEvent,
              "plain_wall_ms",
              plain / 1_000_000,
              "ask_wall_ms",
              ask / 1_000_000));
    }
    perf.put("heap_peak_mb", SimulateBenchmark.heapPeakMb());
    Files.createDirectories(out);
    Path file = out.resolve(PerfReport.FILE);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), perf);
    o.println("wrote " + file);
    return 0;
  }

  private static void print(PrintWriter o, List<SimulateBenchmark.Sample> samples) {
    double[] subs =
        SimulateBenchmark.spread(
            samples.stream().mapToDouble(s -> s.submissions() / (s.wallNanos() / 1e9)).toArray());
    double[] events =
        SimulateBenchmark.spread(
            samples.stream().mapToDouble(s -> s.events() / (s.wallNanos() / 1e9)).toArray());
    double[] cpu =
        SimulateBenchmark.spread(
            samples.stream().mapToDouble(s -> s.submissions() / (s.cpuNanos() / 1e9)).toArray());
    o.printf(
        "submissions/s (wall): median %,.0f  (min %,.0f, max %,.0f, n=%d)%n",
        subs[0], subs[1], subs[2], samples.size());
    o.printf(
        "events/s (wall):      median %,.0f  (min %,.0f, max %,.0f)%n",
        events[0], events[1], events[2]);
    o.printf(
        "submissions/s (CPU):  median %,.0f  (min %,.0f, max %,.0f)%n", cpu[0], cpu[1], cpu[2]);
  }
}
