package io.gradesim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Writes plausible finished run directories for tests: a two-hour exam whose arrival rate climbs to
 * a peak, served first-come first-served by a pool of agents in one-second steps (fixed, or
 * autoscaled on queue length with a provisioning delay). Seeded, so the files are the same on every
 * run. The outputs have the columns of DESIGN.md "Simulation outputs".
 */
final class FixtureRuns {
  private static final Instant EPOCH = Instant.parse("2024-03-08T09:00:00Z");
  private static final int EXAM_S = 7200;
  private static final int BUCKET_S = 60;

  /** A scenario: pool shape, median service time, and autoscaling bounds (0 = fixed pool). */
  record Spec(
      String name, String runtime, int agents, int slots, double serviceMedianS, int maxAgents) {}

  /** The three scenarios used by the page and notebook tests. */
  static final List<Spec> THREE =
      List.of(
          new Spec("runc-4x4", "runc", 4, 4, 14, 0),
          new Spec("crun-4x4", "crun", 4, 4, 11, 0),
          new Spec("crun-autoscale", "crun", 1, 4, 11, 8));

  private FixtureRuns() {}

  /** Writes each spec into {@code parent/<name>} and returns the directories. */
  static List<Path> write(Path parent, List<Spec> specs, long seed) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (Spec s : specs) {
      Path dir = parent.resolve(s.name());
      Files.createDirectories(dir);
      new Run(s, new Random(seed)).write(dir);
      dirs.add(dir);
    }
    return dirs;
  }

  /** Arrivals per second at time t: a ramp to a peak at 90 minutes, then a fall. */
  static double rate(int t) {
    double peak = 0.9;
    return t < 5400 ? 0.05 + peak * t / 5400 : peak * (EXAM_S - t) / 1800.0;
  }

  private static final class Run {
    final Spec spec;
    final Random rnd;
    final List<double[]> done = new ArrayList<>(); // arrival, wait, feedback (s)
    final StringBuilder series =
        new StringBuilder(
            "bucket_start,bucket_s,queue_mean,queue_max,"
                + "busy_slots_mean,slots_up,agents_up,arrivals,completions\n");
    double queueSum;
    int queueMax;
    double busySum;
    int rejected;
    int peakQueue;
    double agentSeconds;
    double busySeconds;
    double slotSeconds;

    Run(Spec spec, Random rnd) {
      this.spec = spec;
      this.rnd = rnd;
    }

    void write(Path dir) throws IOException {
      try (Writer subs =
          Files.newBufferedWriter(dir.resolve("submissions.csv"), StandardCharsets.UTF_8)) {
        subs.write(
            "id,arrival,queued,dispatched,started,graded,removed,delivered,agent,slot,"
                + "result,wait_s,feedback_s\n");
        simulate(subs);
      }
      Files.writeString(dir.resolve("timeseries.csv"), series.toString());
      Files.writeString(dir.resolve("summary.json"), summary());
      Files.writeString(
          dir.resolve("scenario.json"),
          String.format(
              Locale.ROOT,
              "{\"agents\":%d,\"cores\":%d,\"name\":\"%s\",\"runtime\":\"%s\",\"slots\":%d}\n",
              spec.agents(),
              spec.slots(),
              spec.name(),
              spec.runtime(),
              spec.slots()));
    }

    private void simulate(Writer subs) throws IOException {
      ArrayDeque<double[]> queue = new ArrayDeque<>(); // arrival, ordinal
      PriorityQueue<Double> busy = new PriorityQueue<>();
      int agents = spec.agents();
      int pending = -1; // second at which a requested agent comes up
      int arrivals = 0;
      int completions = 0;
      int n = 0;
      for (int t = 0;
          t < EXAM_S + 3600 && (t < EXAM_S || !queue.isEmpty() || !busy.isEmpty());
          t++) {
        double p = t < EXAM_S ? rate(t) : 0;
        for (int k = 0; k < 3; k++) {
          if (rnd.nextDouble() < p / 3) {
            if (rnd.nextDouble() < 0.01) {
              rejected++;
              row(subs, n++, t, Double.NaN, Double.NaN);
            } else {
              queue.add(new double[] {t + rnd.nextDouble(), n++});
            }
            arrivals++;
          }
        }
        while (!busy.isEmpty() && busy.peek() <= t) {
          busy.poll();
          completions++;
        }
        while (busy.size() < agents * spec.slots() && !queue.isEmpty()) {
          double[] q = queue.poll();
          double wait = Math.max(t - q[0], 0);
          double service = spec.serviceMedianS() * Math.exp(0.45 * rnd.nextGaussian());
          busy.add(t + service);
          done.add(new double[] {q[0], wait, wait + service});
          row(subs, (int) q[1], q[0], wait, wait + service);
        }
        if (spec.maxAgents() > 0 && t % 30 == 0) {
          int want =
              Math.min(
                  spec.maxAgents(),
                  Math.max(
                      1, (int) Math.ceil((busy.size() + queue.size()) / (double) spec.slots())));
          if (want > agents && pending < 0) {
            pending = t + 90; // provisioning delay
          } else if (want < agents && busy.size() <= (agents - 1) * spec.slots()) {
            agents--;
          }
        }
        if (pending >= 0 && t >= pending) {
          agents++;
          pending = -1;
        }
        peakQueue = Math.max(peakQueue, queue.size());
        agentSeconds += agents;
        busySeconds += busy.size();
        slotSeconds += agents * spec.slots();
        queueSum += queue.size();
        queueMax = Math.max(queueMax, queue.size());
        busySum += busy.size();
        if (t % BUCKET_S == BUCKET_S - 1) {
          series.append(
              String.format(
                  Locale.ROOT,
                  "%s,%d.000000,%.6f,%d,%.6f,%d,%d,%d,%d%n",
                  instant(t + 1 - BUCKET_S),
                  BUCKET_S,
                  queueSum / BUCKET_S,
                  queueMax,
                  busySum / BUCKET_S,
                  agents * spec.slots(),
                  agents,
                  arrivals,
                  completions));
          arrivals = 0;
          completions = 0;
          queueSum = 0;
          queueMax = 0;
          busySum = 0;
        }
      }
    }

    private static String instant(double seconds) {
      Instant i = EPOCH.plusNanos(Math.round(seconds * 1e6) * 1000);
      return String.format(
          Locale.ROOT, "%s.%06dZ", i.toString().substring(0, 19), i.getNano() / 1000);
    }

    private void row(Writer w, int n, double arrival, double wait, double feedback)
        throws IOException {
      String at = instant(arrival);
      if (Double.isNaN(feedback)) {
        w.write("s" + n + "," + at + ",,,,,,,,,rejected,,\n");
        return;
      }
      String end = instant(arrival + feedback);
      w.write(
          String.format(
              Locale.ROOT,
              "s%d,%s,%s,,,,,%s,0,0,success,%.6f,%.6f%n",
              n,
              at,
              at,
              end,
              wait,
              feedback));
    }

    private String summary() {
      double[] fb = done.stream().mapToDouble(d -> d[2]).sorted().toArray();
      double[] wt = done.stream().mapToDouble(d -> d[1]).sorted().toArray();
      return String.format(
          Locale.ROOT,
          "{\n  \"version\": \"test\",\n"
              + "  \"scenario\": \"%s.conf\",\n  \"seed\": 7,\n  \"submissions\": %d,\n"
              + "  \"rejected\": %d,\n  \"wait_p95_s\": %.6f,\n  \"feedback_p50_s\": %.6f,\n"
              + "  \"feedback_p95_s\": %.6f,\n  \"feedback_p99_s\": %.6f,\n"
              + "  \"peak_queue\": %d,\n  \"utilisation\": %.6f,\n  \"cost\": %.6f\n}\n",
          spec.name(),
          fb.length + rejected,
          rejected,
          q(wt, 0.95),
          q(fb, 0.5),
          q(fb, 0.95),
          q(fb, 0.99),
          peakQueue,
          busySeconds / slotSeconds,
          agentSeconds / 3600 * 0.40);
    }

    private static double q(double[] sorted, double p) {
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
  }

  /** Exact quantile of a copy of {@code xs}, for comparisons with the histogram. */
  static double exactQuantile(double[] xs, double p) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return Run.q(s, p);
  }
}
