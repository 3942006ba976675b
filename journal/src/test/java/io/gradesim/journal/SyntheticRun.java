package io.gradesim.journal;

import io.gradesim.simulator.event.SimEvent.*;
import io.gradesim.simulator.event.SimEventListener;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A small seeded M/M/c run that emits a realistic, time-ordered event stream (every event type of a
 * submission's life), for journal tests that must not depend on the real engine.
 */
final class SyntheticRun {
  static final long EPOCH = 1_709_888_400_000_000L;
  static final String SCENARIO = "{\"agents\":1,\"slots\":4,\"output\":{\"bucket-s\":30}}";

  private record Step(long t, long seq, int n, int stage) {}

  private SyntheticRun() {}

  /** The RunStarted of run {@code runId} with {@code seed}. */
  static RunStarted started(String runId, long seed) {
    return new RunStarted(
        0,
        runId,
        EPOCH,
        "synthetic.csv",
        "tracehash" + seed,
        "mmc.conf",
        "scenariohash",
        SCENARIO,
        "",
        "",
        seed,
        "0.1.0-test");
  }

  /** Emits the events of {@code submissions} submissions (RunFinished excluded) into {@code l}. */
  static void run(String runId, long seed, int submissions, SimEventListener l) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int slots = 4;
    l.on(started(runId, seed));
    l.on(new AgentUp(0, 0, slots, 4, 16384));
    PriorityQueue<Step> q =
        new PriorityQueue<>(
            (a, b) -> a.t != b.t ? Long.compare(a.t, b.t) : Long.compare(a.seq, b.seq));
    long seq = 0;
    long t = 0;
    for (int n = 0; n < submissions; n++) {
      t += (long) (-Math.log(1 - rnd.nextDouble()) * 1_000_000 * 4.0 / slots / 0.8);
      q.add(new Step(t, seq++, n, 0));
    }
    java.util.ArrayDeque<Integer> waiting = new java.util.ArrayDeque<>();
    int free = slots;
    int[] slotOf = new int[submissions];
    java.util.ArrayDeque<Integer> freeSlots = new java.util.ArrayDeque<>();
    for (int s = 0; s < slots; s++) {
      freeSlots.add(s);
    }
    while (!q.isEmpty()) {
      Step s = q.poll();
      long now = s.t;
      switch (s.stage) {
        case 0 -> {
          l.on(
              new SubmissionArrived(
                  now,
                  s.n,
                  "sub" + s.n,
                  "task" + (s.n % 7),
                  "docker/default",
                  s.n % 50 == 0 ? 1 : 0));
          if (s.n % 97 == 5) {
            l.on(new SubmissionRejected(now, s.n, "user already waiting"));
            continue;
          }
          l.on(new SubmissionQueued(now, s.n));
          waiting.add(s.n);
        }
        case 1 -> l.on(new ContainerCreated(now, s.n));
        case 2 -> l.on(new ContainerStarted(now, s.n));
        case 3 -> l.on(new GradingFinished(now, s.n, s.n % 11 == 0 ? "failed" : "success"));
        case 4 -> {
          l.on(new ContainerRemoved(now, s.n));
          free++;
          freeSlots.add(slotOf[s.n]);
        }
        default -> l.on(new ResultDelivered(now, s.n));
      }
      if (s.stage >= 1 && s.stage <= 4) {
        long d = s.stage == 2 ? (long) (-Math.log(1 - rnd.nextDouble()) * 4_000_000) : 20_000;
        q.add(new Step(now + d, seq++, s.n, s.stage + 1));
      }
      while (free > 0 && !waiting.isEmpty()) {
        int n = waiting.poll();
        free--;
        slotOf[n] = freeSlots.poll();
        l.on(new SubmissionDispatched(now, n, 0, slotOf[n]));
        q.add(new Step(now + 20_000, seq++, n, 1));
      }
    }
  }
}
