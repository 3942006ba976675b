package io.gradesim.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEvent.AgentUp;
import io.gradesim.simulator.event.SimEvent.ContainerRemoved;
import io.gradesim.simulator.event.SimEvent.GradingFinished;
import io.gradesim.simulator.event.SimEvent.ResultDelivered;
import io.gradesim.simulator.event.SimEvent.SubmissionArrived;
import io.gradesim.simulator.event.SimEvent.SubmissionDispatched;
import io.gradesim.simulator.event.SimEvent.SubmissionQueued;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three files agree with each other and with figures computed directly from the jobs. */
class FoldConsistencyTest {
  private static final int JOBS = 20_000;
  private static final int SERVERS = 3;

  @TempDir Path dir;

  private record Timed(long t, int rank, SimEvent event) {}

  @Test
  void filesAgreeWithAFifoQueueComputedDirectly() throws IOException {
    // M/M/3 at load 0.8 (seeded): arrival, dispatch and departure per job by the FIFO recursion.
    Random random = new Random(42);
    long[] arrival = new long[JOBS];
    long[] dispatch = new long[JOBS];
    long[] departure = new long[JOBS];
    PriorityQueue<Long> freeAt = new PriorityQueue<>();
    for (int s = 0; s < SERVERS; s++) {
      freeAt.add(0L);
    }
    long t = 0;
    List<Timed> events = new ArrayList<>();
    for (int n = 0; n < JOBS; n++) {
      t += exp(random, 1.0 / 2.4);
      arrival[n] = t;
      dispatch[n] = Math.max(t, freeAt.poll());
      departure[n] = dispatch[n] + Math.max(1, exp(random, 1.0));
      freeAt.add(departure[n]);
      events.add(new Timed(t, 1, new SubmissionArrived(t, n, "j" + n, "t", "docker/default", 0)));
      events.add(new Timed(t, 2, new SubmissionQueued(t, n)));
      events.add(new Timed(dispatch[n], 3, new SubmissionDispatched(dispatch[n], n, 0, 0)));
      events.add(new Timed(departure[n], 0, new GradingFinished(departure[n], n, "success")));
      events.add(new Timed(departure[n], 0, new ContainerRemoved(departure[n], n)));
      events.add(new Timed(departure[n], 0, new ResultDelivered(departure[n], n)));
    }
    events.sort(Comparator.comparingLong(Timed::t).thenComparingInt(Timed::rank));
    RunEvents run =
        RunEvents.run("{\"output\":{\"bucket-s\":5}}")
            .add(new AgentUp(0, 0, SERVERS, SERVERS, 4096));
    events.forEach(e -> run.add(e.event()));

    RunSummary s = run.writeTo(dir);

    long end = departure[0];
    double waitSum = 0;
    double busySum = 0;
    long[] waits = new long[JOBS];
    for (int n = 0; n < JOBS; n++) {
      end = Math.max(end, departure[n]);
      waits[n] = dispatch[n] - arrival[n];
      waitSum += waits[n] / 1e6;
      busySum += (departure[n] - dispatch[n]) / 1e6;
    }
    Arrays.sort(waits);
    assertThat(s.waitMeanS()).isCloseTo(waitSum / JOBS, within(1e-9));
    assertThat(s.waitP95S())
        .isCloseTo(
            waits[(int) Math.ceil(0.95 * JOBS) - 1] / 1e6,
            within(waits[(int) Math.ceil(0.95 * JOBS) - 1] / 1e6 * 1e-3 + 1e-6));
    assertThat(s.utilisation()).isCloseTo(busySum / (SERVERS * end / 1e6), within(1e-9));

    List<String> rows = Files.readAllLines(dir.resolve("submissions.csv"));
    assertThat(rows).hasSize(JOBS + 1);
    for (int n = 0; n < JOBS; n += 997) {
      String[] f = rows.get(n + 1).split(",");
      assertThat(f[0]).isEqualTo("j" + n);
      assertThat(Double.parseDouble(f[11]))
          .isCloseTo((dispatch[n] - arrival[n]) / 1e6, within(1e-9));
    }

    double queueArea = 0;
    double busyArea = 0;
    double span = 0;
    long arrivals = 0;
    long completions = 0;
    List<String> buckets = Files.readAllLines(dir.resolve("timeseries.csv"));
    for (String row : buckets.subList(1, buckets.size())) {
      String[] f = row.split(",");
      double width = Double.parseDouble(f[1]);
      span += width;
      queueArea += width * Double.parseDouble(f[2]);
      busyArea += width * Double.parseDouble(f[4]);
      arrivals += Long.parseLong(f[7]);
      completions += Long.parseLong(f[8]);
    }
    double rows6 = buckets.size() * 5e-6;
    assertThat(span).isCloseTo(end / 1e6, within(1e-9));
    assertThat(busyArea).isCloseTo(busySum, within(rows6));
    assertThat(queueArea).isCloseTo(waitSum, within(rows6));
    assertThat(arrivals).isEqualTo(JOBS);
    assertThat(completions).isEqualTo(JOBS);
    // Little's law on the file: L = lambda W
    assertThat(queueArea / span).isCloseTo(JOBS / span * s.waitMeanS(), within(1e-6));
  }

  private static long exp(Random random, double meanSeconds) {
    return Math.round(-Math.log(1 - random.nextDouble()) * meanSeconds * 1e6);
  }
}
