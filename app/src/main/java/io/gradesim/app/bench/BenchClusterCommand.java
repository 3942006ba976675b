package io.gradesim.app.bench;

import io.gradesim.app.cluster.ClusterSecret;
import io.gradesim.app.cluster.ClusterSettings;
import io.gradesim.app.cluster.ClusterSweep;
import io.gradesim.app.sweep.ScenarioSweep;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.progress.ProgressBar;
import io.gradesim.journal.JournalTarget;
import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.simulator.bench.ScratchFolder;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gradesim bench cluster}: the throughput of one sweep run locally with {@code --parallel
 * 2}, on this process as coordinator with one worker node pinned to core 0, and with two worker
 * nodes pinned to cores 0 and 1 ({@code taskset}), journal off, with the cluster's overhead per run
 * and the ratios between them.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Times a sweep of --runs scenarios on a Poisson trace of --submissions submissions, journal"
          + " off, three ways: in this process with --parallel 2; on a cluster of this process"
          + " (the coordinator, not pinned) and one worker node pinned to core 0 (taskset -c 0,"
          + " --cores 1); and with a second worker pinned to core 1. Each measured sweep follows"
          + " a warm-up sweep of --warmup-runs scenarios on the same nodes; worker nodes are"
          + " fresh JVMs each round. Prints runs/s, simulated submissions/s, the cluster's"
          + " overhead per run two ways (the worker cores' time not spent in runs, per run:"
          + " workers x the sweep's time on the cluster less the runs' own time; and the time"
          + " from handing a run out to having its outputs back, less the run's own time) and"
          + " the ratios 2 workers / 1 worker (target >= 1.6) and 2 workers / local (target >="
          + " 0.85). Needs 2 processors and taskset."
    })
public final class BenchClusterCommand implements Callable<Integer> {
  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "runs of a measured sweep (default: ${DEFAULT-VALUE})")
  int runs = 200;

  @Option(
      names = "--submissions",
      paramLabel = "N",
      description = "submissions of the trace (default: ${DEFAULT-VALUE})")
  int submissions = 10_000;

  @Option(
      names = "--warmup-runs",
      paramLabel = "N",
      description =
          "runs of the warm-up sweep before each measured one (default: ${DEFAULT-VALUE})")
  int warmupRuns = 20;

  @Option(
      names = "--repeat",
      paramLabel = "R",
      description = "measured rounds of the three ways (default: ${DEFAULT-VALUE})")
  int repeat = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One way of running a sweep. */
  @FunctionalInterface
  private interface Way {
    /**
     * Sweeps {@code scenarios} into {@code out}; returns the overhead per run in ms, from hand-out
     * to outputs stored and in worker core time (NaN: none).
     */
    double[] sweep(List<Path> scenarios, Path out) throws IOException;
  }

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || submissions < 1 || warmupRuns < 0 || repeat < 1) {
      throw new IllegalArgumentException(
          "--runs, --submissions and --repeat must be positive, --warmup-runs at least 0");
    }
    if (Runtime.getRuntime().availableProcessors() < 2) {
      throw new IllegalArgumentException("bench cluster: needs 2 processors, this JVM sees 1");
    }
    WorkerNodes.checkTaskset();
    PrintWriter o = spec.commandLine().getOut();
    Path tmp = Files.createTempDirectory("gradesim-bench-cluster");
    try (WorkerNodes nodes = new WorkerNodes(tmp)) {
      Path trace = trace(tmp.resolve("trace.csv"));
      List<Path> scenarios = scenarios(Files.createDirectories(tmp.resolve("scenarios")));
      GradesimSystem actors = GradesimSystem.of(spec);
      actors.configure(
          new ClusterSettings(ClusterSettings.LOOPBACK, 0, List.of())
              .config(ClusterSecret.read(nodes.secret(), "secret")));
      ActorSystem<Void> system = actors.system(JournalTarget.NONE);
      ClusterSettings.joinSelf(system);
      int port = ClusterSettings.boundPort(system);
      o.printf(
          "bench cluster: %d runs of %,d submissions each (Poisson, 1.6/s; 4 agents x 4 slots),"
              + " journal off; a warm-up sweep of %d runs before each measured one; %d rounds;"
              + " load average %s at the start%n",
          runs, submissions, warmupRuns, repeat, loadAverage());
      o.flush();
      ProgressBar.Factory quiet =
          (label, total) ->
              new ProgressBar(
                  new PrintStream(OutputStream.nullOutputStream()), label, total, false);
      Way local =
          (sc, out) -> {
            ScenarioSweep.run(system, trace, null, sc, List.of(), out, 2, quiet);
            return new double[] {Double.NaN, Double.NaN};
          };
      Way cluster =
          (sc, out) -> {
            ClusterSweep c =
                new ClusterSweep(system, "none", List.of("127.0.0.1:" + port), line -> {});
            ScenarioSweep.run(trace, null, sc, List.of(), out, quiet, null, c);
            return new double[] {c.overheadPerRunMillis(), c.coreTimePerRunMillis()};
          };
      List<double[]> here = new ArrayList<>();
      List<double[]> one = new ArrayList<>();
      List<double[]> two = new ArrayList<>();
      for (int round = 1; round <= repeat; round++) {
        here.add(measure(o, round, "local --parallel 2", tmp, scenarios, local));
        nodes.start(port, 0);
        one.add(measure(o, round, "1 worker (core 0)", tmp, scenarios, cluster));
        nodes.start(port, 1);
        two.add(measure(o, round, "2 workers (cores 0, 1)", tmp, scenarios, cluster));
        nodes.stopAll();
      }
      summary(o, here, one, two);
    } finally {
      ScratchFolder.deleteTree(tmp);
    }
    return 0;
  }

  /**
   * Times the sweep of every scenario one way, after a warm-up sweep of the first {@link
   * #warmupRuns}; returns {wall s, runs/s, submissions/s, overhead ms per run from hand-out to
   * outputs stored, worker core ms per run not in runs} (NaN: local).
   */
  private double[] measure(
      PrintWriter o, int round, String label, Path tmp, List<Path> scenarios, Way way)
      throws IOException {
    if (warmupRuns > 0) {
      Path warm = tmp.resolve("warm-up");
      way.sweep(scenarios.subList(0, Math.min(warmupRuns, scenarios.size())), warm);
      ScratchFolder.deleteTree(warm);
    }
    Path out = tmp.resolve("measured");
    long t0 = System.nanoTime();
    double[] overhead = way.sweep(scenarios, out);
    double wall = (System.nanoTime() - t0) / 1e9;
    long simulated = BenchCompareCommand.simulated(out, scenarios.size());
    ScratchFolder.deleteTree(out);
    double[] r = {wall, scenarios.size() / wall, simulated / wall, overhead[0], overhead[1]};
    o.printf(
        "  round %d  %-24s %7.2f s %7.1f runs/s %,12.0f submissions/s%s%n",
        round,
        label,
        wall,
        r[1],
        r[2],
        Double.isNaN(r[3])
            ? ""
            : String.format(
                "   overhead per run %.2f ms hand-out to stored, %.2f ms of worker core",
                r[3], r[4]));
    o.flush();
    return r;
  }

  private void summary(
      PrintWriter o, List<double[]> local, List<double[]> one, List<double[]> two) {
    o.printf("  median of %d rounds (min, max):%n", local.size());
    line(o, "local --parallel 2", local);
    line(o, "1 worker (core 0)", one);
    line(o, "2 workers (cores 0, 1)", two);
    double[] scale = ratios(two, one);
    double[] vsLocal = ratios(two, local);
    double[] core = column(one, 4);
    o.printf(
        "  2 workers / 1 worker: %.2fx (%.2f, %.2f) (target >= 1.6); 2 workers / local"
            + " --parallel 2: %.2fx (%.2f, %.2f) (target >= 0.85); overhead per run with 1"
            + " worker %.2f ms of its core (%.2f, %.2f) (target <= 5)%n",
        scale[0],
        scale[1],
        scale[2],
        vsLocal[0],
        vsLocal[1],
        vsLocal[2],
        core[0],
        core[1],
        core[2]);
    o.printf(
        "  load average %s at the end, %d processors (a shared machine: compare figures of one"
            + " run of this bench, not across runs)%n",
        loadAverage(), Runtime.getRuntime().availableProcessors());
    o.flush();
  }

  private static void line(PrintWriter o, String label, List<double[]> rounds) {
    double[] rate = column(rounds, 1);
    double[] subs = column(rounds, 2);
    double[] over = column(rounds, 3);
    double[] core = column(rounds, 4);
    o.printf(
        "    %-24s %7.1f runs/s (%.1f, %.1f) %,12.0f submissions/s (%,.0f, %,.0f)%s%n",
        label,
        rate[0],
        rate[1],
        rate[2],
        subs[0],
        subs[1],
        subs[2],
        Double.isNaN(over[0])
            ? ""
            : String.format(
                "   overhead per run %.2f ms hand-out to stored (%.2f, %.2f), %.2f ms of worker"
                    + " core (%.2f, %.2f)",
                over[0], over[1], over[2], core[0], core[1], core[2]));
  }

  /** Median, min and max of column {@code i} of the rounds. */
  private static double[] column(List<double[]> rounds, int i) {
    return SimulateBenchmark.spread(rounds.stream().mapToDouble(r -> r[i]).toArray());
  }

  /** Median, min and max of the rounds' ratios of runs/s, {@code a} over {@code b}. */
  private static double[] ratios(List<double[]> a, List<double[]> b) {
    double[] r = new double[a.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = a.get(i)[1] / b.get(i)[1];
    }
    return SimulateBenchmark.spread(r);
  }

  /** A Poisson trace of {@link #submissions} arrivals at 1.6 per second, seed 7. */
  private Path trace(Path file) throws IOException {
    PoissonArrivals arrivals = new PoissonArrivals(submissions, 1.6, 7, "t");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(file)) {
      for (Submission s = arrivals.next(); s != null; s = arrivals.next()) {
        w.write(s);
      }
      w.commit();
    }
    return file;
  }

  /** {@link #runs} scenarios: 4 agents of 4 cores and 4 slots, seeds 1, 2, ... */
  private List<Path> scenarios(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Path f = dir.resolve(String.format("run-%04d.conf", i));
      Files.writeString(
          f,
          "agents = 4\ncores = 4\nslots = 4\nseed = "
              + i
              + "\ncosts { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }"
              + "\ngrading.default = \"lognormal:median=3s,sigma=0.5\"\noutput.bucket-s = 60\n",
          StandardCharsets.UTF_8);
      files.add(f);
    }
    return files;
  }

  /** The 1-minute load average, or "?" where /proc/loadavg is absent. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
