package io.gradesim.app.bench;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.journal.JournalSession;
import io.gradesim.journal.JournalTarget;
import io.gradesim.journal.RunJournal;
import io.gradesim.journal.cli.RunsExportCommand;
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

/** {@code gradesim bench journal}: what persisting a run costs, and how fast export reads it. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = {
      "What persisting a run costs, with --journal none against the default H2 journal, on the "
          + "same Poisson run (bench simulate's workload), in pairs run one after the other "
          + "(order alternating; --warmup pairs discarded). The H2 journal lives in a fresh data "
          + "folder in a temporary directory, deleted afterwards.",
      "1. As users run it: 'gradesim simulate' of the same trace file in a fresh JVM per run: "
          + "JVM start, reading and hashing the trace, simulating, writing the outputs and, for "
          + "h2, opening, filling and closing the journal; each round also times the engine "
          + "alone (same workload and seed, this JVM). Prints the three medians, simulate "
          + "--journal none over the engine (target <= 4x) and h2 over none (target <= 1.2x) "
          + "(--processes rounds).",
      "2. In this one warm JVM: the engine and the output files only, no JVM start and no trace "
          + "file; the h2 run includes opening and closing the journal (--repeat pairs).",
      "3. 'runs export' speed: events/s replayed from the journal into the output files (target "
          + ">= 1,000,000)."
    })
public final class BenchJournalCommand implements Callable<Integer> {
  @Option(
      names = "--submissions",
      paramLabel = "N",
      description = "submissions per run (default: ${DEFAULT-VALUE})")
  long submissions = 1_000_000;

  @Option(
      names = "--processes",
      paramLabel = "P",
      description =
          "measured pairs of fresh-JVM simulate runs, 0 to skip (default:" + " ${DEFAULT-VALUE})")
  int processes = 5;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      description = "measured pairs in this JVM (default: ${DEFAULT-VALUE})")
  int repeat = 5;

  @Option(
      names = "--warmup",
      paramLabel = "W",
      description = "discarded warm-up pairs (default: ${DEFAULT-VALUE})")
  int warmup = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (submissions <= 0 || repeat <= 0 || warmup < 0 || processes < 0) {
      throw new IllegalArgumentException(
          "--submissions and --repeat must be positive," + " --warmup and --processes at least 0");
    }
    PrintWriter o = spec.commandLine().getOut();
    BenchWorkload workload = new BenchWorkload(submissions, 40);
    Path tmp = Files.createTempDirectory("gradesim-bench-journal");
    try {
      JournalTarget h2 = JournalTarget.h2(tmp.resolve("home"));
      o.printf("bench journal: %,d submissions, 40 slots, data folder %s%n", submissions, tmp);
      if (processes > 0) {
        inProcesses(o, workload, tmp);
      }
      o.printf(
          "%d. In this JVM, engine and output files only (no JVM start, no trace file; h2"
              + " includes opening and closing the journal), %d warm-up + %d measured pairs:%n",
          processes > 0 ? 2 : 1, warmup, repeat);
      List<Double> none = new ArrayList<>();
      List<Double> journaled = new ArrayList<>();
      long events = 0;
      String last = null;
      for (int i = 0; i < warmup + repeat; i++) {
        // Alternate which goes first, so neither always runs on a warmer JVM.
        double a = i % 2 == 0 ? time(workload, JournalTarget.NONE, "none-" + i, tmp) : 0;
        String nonePhases = phases;
        last = "h2-" + i;
        long t0 = System.nanoTime();
        events = run(workload, h2, last, tmp);
        double b = (System.nanoTime() - t0) / 1e9;
        String h2Phases = phases;
        if (i % 2 == 1) {
          a = time(workload, JournalTarget.NONE, "none-" + i, tmp);
          nonePhases = phases;
        }
        String tag = i < warmup ? "warm-up" : "pair " + (i - warmup + 1);
        o.printf("  %-8s none %6.2f s   h2 %6.2f s   (%,d events)%n", tag, a, b, events);
        o.printf("           none: %s%n           h2:   %s%n", nonePhases, h2Phases);
        o.flush();
        if (i >= warmup) {
          none.add(a);
          journaled.add(b);
        }
      }
      summary(o, none, journaled, "(warm JVM; not the target measure)");
      export(o, h2, last, tmp);
    } finally {
      ScratchFolder.deleteTree(tmp);
    }
    return 0;
  }

  /**
   * Part 1: gradesim simulate in fresh JVMs, the measure users meet, each round beside an
   * engine-only run of the same workload and seed in this JVM.
   */
  private void inProcesses(PrintWriter o, BenchWorkload w, Path tmp) throws IOException {
    SimulateProcessBench b = SimulateProcessBench.prepare(w, 7, tmp);
    o.printf(
        "1. gradesim simulate, a fresh JVM per run (trace %s, %,d bytes), beside the engine"
            + " alone in this JVM, %d warm-up + %d measured rounds:%n",
        b.trace().getFileName(), Files.size(b.trace()), warmup, processes);
    o.flush();
    List<Double> engine = new ArrayList<>();
    List<Double> none = new ArrayList<>();
    List<Double> journaled = new ArrayList<>();
    for (int i = 0; i < warmup + processes; i++) {
      long t0 = System.nanoTime();
      w.run(7);
      double e = (System.nanoTime() - t0) / 1e9;
      double a = i % 2 == 0 ? b.simulate("none", "p-none-" + i) : 0;
      double h = b.simulate("h2", "p-h2-" + i);
      if (i % 2 == 1) {
        a = b.simulate("none", "p-none-" + i);
      }
      String tag = i < warmup ? "warm-up" : "pair " + (i - warmup + 1);
      o.printf(
          "  %-8s engine %6.2f s   none %6.2f s   h2 %6.2f s   none/engine %.2f"
              + "   h2/none %.2f%n",
          tag, e, a, h, a / e, h / a);
      o.flush();
      if (i >= warmup) {
        engine.add(e);
        none.add(a);
        journaled.add(h);
      }
    }
    double[] en = spread(engine);
    List<Double> overEngine = new ArrayList<>();
    for (int i = 0; i < none.size(); i++) {
      overEngine.add(none.get(i) / engine.get(i));
    }
    double[] r = spread(overEngine);
    o.printf(
        "  engine only:    median %.2f s (min %.2f, max %.2f, n=%d; warm JVM, same workload"
            + " and seed, events counted)%n",
        en[0], en[1], en[2], engine.size());
    o.printf(
        "  simulate cost:  %.2fx the engine (median of the rounds' none/engine; min %.2f,"
            + " max %.2f; ratio of the medians %.2fx) (target <= 4x)%n",
        r[0], r[1], r[2], spread(none)[0] / en[0]);
    summary(o, none, journaled, "(target <= 1.2x)");
  }

  /** Medians of each variant, the ratio of the medians and the median of the pairs' ratios. */
  static void summary(PrintWriter o, List<Double> none, List<Double> journaled, String note) {
    double[] n = spread(none);
    double[] j = spread(journaled);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < none.size(); i++) {
      ratios.add(journaled.get(i) / none.get(i));
    }
    double[] r = spread(ratios);
    o.printf(
        "  --journal none: median %.2f s (min %.2f, max %.2f, n=%d)%n",
        n[0], n[1], n[2], none.size());
    o.printf(
        "  --journal h2:   median %.2f s (min %.2f, max %.2f, n=%d)%n",
        j[0], j[1], j[2], journaled.size());
    o.printf(
        "  journal cost: %.2fx (median of the pairs' ratios; min %.2f, max %.2f; ratio of the"
            + " medians %.2fx) %s%n",
        r[0], r[1], r[2], j[0] / n[0], note);
    o.flush();
  }

  private void export(PrintWriter o, JournalTarget h2, String id, Path tmp) throws IOException {
    List<Double> full = new ArrayList<>();
    List<Double> decode = new ArrayList<>();
    long events = 0;
    try (RunJournal journal = RunJournal.open(h2, GradesimSystem.of(spec).system(h2))) {
      for (int i = 0; i < warmup + repeat; i++) {
        long t0 = System.nanoTime();
        events = RunsExportCommand.export(journal, id, tmp.resolve("export"));
        double a = events / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        long m = journal.replay(id, e -> {});
        double b = m / ((System.nanoTime() - t0) / 1e9);
        if (i >= warmup) {
          full.add(a);
          decode.add(b);
        }
      }
    }
    double[] f = spread(full);
    double[] d = spread(decode);
    o.printf(
        "%d. runs export: median %,.0f events/s (min %,.0f, max %,.0f, n=%d, %,d events;"
            + " target >= 1,000,000)%n",
        processes > 0 ? 3 : 2, f[0], f[1], f[2], full.size(), events);
    o.printf(
        "   journal read + decode alone: median %,.0f events/s (min %,.0f, max %,.0f)%n",
        d[0], d[1], d[2]);
  }

  private double time(BenchWorkload w, JournalTarget t, String id, Path tmp) throws IOException {
    long t0 = System.nanoTime();
    run(w, t, id, tmp);
    return (System.nanoTime() - t0) / 1e9;
  }

  /** One run as simulate does it: outputs written, events teed into the journal. */
  private long run(BenchWorkload w, JournalTarget t, String id, Path tmp) throws IOException {
    long c0 = cpuNanos();
    long t0 = System.nanoTime();
    long t1;
    long t2;
    long events;
    try (JournalSession journal = JournalSession.open(t, id, GradesimSystem.of(spec));
        RunOutputWriter outputs = new RunOutputWriter(tmp.resolve("out-" + id))) {
      journal.checkResumable();
      t1 = System.nanoTime();
      var engine = w.engine(7, journal.tee(outputs));
      engine.run();
      journal.finish(outputs.finish().toJson());
      t2 = System.nanoTime();
      events = engine.events() + 1;
    }
    phases =
        String.format(
            "open %.2f s, run %.2f s, close %.2f s, process CPU %.2f s",
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            (System.nanoTime() - t2) / 1e9,
            (cpuNanos() - c0) / 1e9);
    ScratchFolder.deleteTree(
        tmp.resolve("out-" + id)); // a 1M-submission run writes ~200 MB of outputs
    return events;
  }

  private String phases = "";

  /** CPU time of this process, all threads (the machine may be shared: wall time is noisy). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double[] spread(List<Double> v) {
    return SimulateBenchmark.spread(v.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
