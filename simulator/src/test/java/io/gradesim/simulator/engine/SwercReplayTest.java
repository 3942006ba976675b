package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.TraceFormat;
import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays the real SWERC 2022 DOMjudge feed (1,322 submissions, 5 h) with its recorded judging
 * times on a pool of 4 single-slot judgehosts, and sets the predicted queue wait against the
 * recorded one (judge start - submit). Submissions of the frozen last hour carry no judgement: they
 * are replayed with a log-normal of the recorded judging median 3.8 s so the load is right.
 */
class SwercReplayTest {

  @Test
  void predictsTheRecordedQueueWaitOfAFourSlotPool() throws IOException {
    Path feed = SharedData.require("traces-real/swerc2022-domjudge/event-feed-filtered.ndjson");
    Path table = feed.resolveSibling("submissions.csv");
    List<Submission> subs;
    try (Stream<Submission> s =
        TraceFormat.CLICS.importer().read(feed, ImportOptions.defaults(), RejectSink.STRICT)) {
      subs = s.toList();
    }
    Map<String, Double> recorded = new HashMap<>();
    for (String line : Files.readAllLines(table).subList(1, subs.size() + 1)) {
      String[] f = line.split(",", -1);
      if (!f[8].isEmpty()) {
        recorded.put(f[0], Double.parseDouble(f[8]));
      }
    }
    double[] observed = judged(subs, recorded, null);
    assertThat(observed.length).as("judged submissions matched by id").isGreaterThan(900);
    System.out.printf(
        "SWERC 2022, %d judged submissions: recorded queue wait mean %.3f s,"
            + " p50 %.3f, p99 %.3f%n",
        observed.length, mean(observed), pct(observed, 50), pct(observed, 99));
    for (int slots = 1; slots <= 4; slots++) {
      double[] p = judged(subs, recorded, replay(subs, slots, "0ms"));
      System.out.printf(
          "  predicted, %d slots, queueing only: mean %.3f s, p50 %.3f, p99 %.3f%n",
          slots, mean(p), pct(p, 50), pct(p, 99));
    }
    double[] queueing = judged(subs, recorded, replay(subs, 4, "0ms"));
    double[] withPickup = judged(subs, recorded, replay(subs, 4, "230ms"));
    System.out.printf(
        "  predicted, 4 slots + 0.23 s judgehost pick-up: mean %.3f s, p50 %.3f," + " p99 %.3f%n",
        mean(withPickup), pct(withPickup, 50), pct(withPickup, 99));

    assertThat(pct(observed, 50)).isCloseTo(0.23, org.assertj.core.data.Offset.offset(0.02));
    // Four slots are ample for this contest: queueing explains under a quarter of the recorded
    // wait, the rest is DOMjudge's pick-up latency, which the INGInious model does not have.
    assertThat(mean(queueing)).isLessThan(mean(observed) / 4);
    // With that latency as a fixed delay the mean lands within a factor 2 of the record.
    assertThat(mean(withPickup)).isBetween(mean(observed) / 2, mean(observed) * 2);
  }

  private static long[] replay(List<Submission> subs, int slots, String pickup) {
    WaitRecorder r = new WaitRecorder(subs.size());
    Scenarios.run(
        Scenarios.of(
            "agents = "
                + slots
                + "\ncores = 1\nslots = 1\n"
                + "network.frontend-to-backend = "
                + pickup
                + "\n"
                + "grading.default = \"lognormal:median=3.8s,sigma=0.4\""),
        subs,
        r);
    assertThat(r.delivered).isEqualTo(subs.size());
    return r.waits;
  }

  /** Recorded waits (waits == null) or predicted ones (µs by arrival) of judged submissions. */
  private static double[] judged(
      List<Submission> subs, Map<String, Double> recorded, long[] waits) {
    double[] out = new double[subs.size()];
    int k = 0;
    for (int n = 0; n < subs.size(); n++) {
      Double r = recorded.get(subs.get(n).id());
      if (r != null) {
        out[k++] = waits == null ? r : waits[n] / 1e6;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  private static double pct(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)];
  }
}
