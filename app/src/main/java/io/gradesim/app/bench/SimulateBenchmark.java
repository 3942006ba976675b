package io.gradesim.app.bench;

import io.gradesim.app.sweep.Sweeps;
import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.RunTask;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Measures the simulator like JMH would, by hand: warm-up runs first (discarded), then {@code
 * repeat} measured runs, each reporting wall and CPU time; figures are medians with their min and
 * max. Parallel mode times {@code k} runs one after another and the same {@code k} runs as actors
 * of a sweep on all cores.
 */
public final class SimulateBenchmark {
  private final BenchWorkload workload;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  /** A benchmark of {@code workload}. */
  public SimulateBenchmark(BenchWorkload workload) {
    this.workload = workload;
  }

  /** One measured run. */
  public record Sample(long wallNanos, long cpuNanos, long events, long submissions) {
    public double submissionsPerS() {
      return submissions / (wallNanos / 1e9);
    }

    double eventsPerS() {
      return events / (wallNanos / 1e9);
    }

    double submissionsPerCpuS() {
      return submissions / (cpuNanos / 1e9);
    }
  }

  /** Runs {@code warmup} discarded and {@code repeat} measured runs in this thread. */
  public List<Sample> measure(int warmup, int repeat) {
    for (int i = 0; i < warmup; i++) {
      workload.run(1000 + i);
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < repeat; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long events = workload.run(1 + i);
      long wall = System.nanoTime() - t0;
      long cpu = threads.getCurrentThreadCpuTime() - c0;
      samples.add(new Sample(wall, cpu, events, workload.submissions()));
    }
    return samples;
  }

  /**
   * Wall nanos of {@code k} runs one after another and then in parallel: {sequential, parallel}.
   */
  public long[] parallel(int k, int cores, ActorSystem<?> system) {
    long t0 = System.nanoTime();
    check(Sweeps.run(system, specs(k), 1));
    long sequential = System.nanoTime() - t0;
    t0 = System.nanoTime();
    check(Sweeps.run(system, specs(k), cores));
    long parallel = System.nanoTime() - t0;
    return new long[] {sequential, parallel};
  }

  private List<RunSpec> specs(int k) {
    List<RunSpec> specs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long seed = 500 + i;
      specs.add(new RunSpec("bench-" + seed, () -> task(seed)));
    }
    return specs;
  }

  private RunTask task(long seed) {
    SimulationEngine engine = workload.engine(seed, SimEventListener.NONE);
    return new RunTask() {
      @Override
      public boolean advance(long maxEvents) {
        return engine.advance(maxEvents);
      }

      @Override
      public RunOutcome.Completed finish() {
        return new RunOutcome.Completed("bench-" + seed, engine.events(), engine.arrivals(), 0, "");
      }

      @Override
      public void close() {}
    };
  }

  private static void check(List<RunOutcome> outcomes) {
    for (RunOutcome o : outcomes) {
      if (o instanceof RunOutcome.Failed f) {
        throw new IllegalStateException("run " + f.label() + " failed: " + f.reason(), f.cause());
      }
    }
  }

  /** Median, min and max of {@code values}. */
  public static double[] spread(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    double median =
        v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return new double[] {median, v[0], v[v.length - 1]};
  }

  /** The peak of heap pools since the JVM started, in MB. */
  public static long heapPeakMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  /** The figures of {@code samples} as a JSON-ready map. */
  public static Map<String, Object> figures(List<Sample> samples) {
    Map<String, Object> m = new LinkedHashMap<>();
    double[] subs = samples.stream().mapToDouble(Sample::submissionsPerS).toArray();
    double[] events = samples.stream().mapToDouble(Sample::eventsPerS).toArray();
    double[] cpu = samples.stream().mapToDouble(Sample::submissionsPerCpuS).toArray();
    m.put("runs", samples.size());
    m.put("submissions_per_s", triple(spread(subs)));
    m.put("events_per_s", triple(spread(events)));
    m.put("submissions_per_cpu_s", triple(spread(cpu)));
    List<Map<String, Object>> raw = new ArrayList<>();
    for (Sample s : samples) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("sim_wall_ms", s.wallNanos() / 1_000_000);
      r.put("cpu_ms", s.cpuNanos() / 1_000_000);
      r.put("events", s.events());
      r.put("submissions", s.submissions());
      raw.add(r);
    }
    m.put("samples", raw);
    return m;
  }

  private static Map<String, Object> triple(double[] s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median", Math.round(s[0]));
    m.put("min", Math.round(s[1]));
    m.put("max", Math.round(s[2]));
    return m;
  }
}
