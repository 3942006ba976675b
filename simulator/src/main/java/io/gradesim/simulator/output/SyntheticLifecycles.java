package io.gradesim.simulator.output;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEvent.AgentUp;
import io.gradesim.simulator.event.SimEvent.ContainerCreated;
import io.gradesim.simulator.event.SimEvent.ContainerRemoved;
import io.gradesim.simulator.event.SimEvent.ContainerStarted;
import io.gradesim.simulator.event.SimEvent.GradingFinished;
import io.gradesim.simulator.event.SimEvent.ResultDelivered;
import io.gradesim.simulator.event.SimEvent.RunStarted;
import io.gradesim.simulator.event.SimEvent.SubmissionArrived;
import io.gradesim.simulator.event.SimEvent.SubmissionDispatched;
import io.gradesim.simulator.event.SimEvent.SubmissionQueued;
import io.gradesim.simulator.event.SimEventListener;

/**
 * A synthetic, time-ordered event stream for benchmarking the output fold: submission {@code n}
 * arrives at tick {@code n} and goes through its eight stages (arrived, queued, dispatched,
 * created, started, graded, removed, delivered) one every {@code stride} ticks, so {@code 7 ×
 * stride} submissions are in flight and {@code 4 × stride} slots are busy at once.
 */
public final class SyntheticLifecycles {
  private static final int STAGES = 8;
  private static final String[] RESULTS = {"success", "success", "success", "failed"};

  private final int submissions;
  private final int stride;
  private final long tickMicros;

  /** A stream of {@code submissions} lifecycles, one arrival every {@code tickMicros}. */
  public SyntheticLifecycles(int submissions, int stride, long tickMicros) {
    this.submissions = submissions;
    this.stride = stride;
    this.tickMicros = tickMicros;
  }

  /** Slots needed so that no submission waits longer than the stage stride. */
  public int slots() {
    return 4 * stride;
  }

  /** Sends the whole run to {@code listener}; returns the number of events sent. */
  public long emit(SimEventListener listener) {
    listener.on(
        new RunStarted(
            0,
            "bench",
            1_700_000_000_000_000L,
            "synthetic",
            "",
            "bench",
            "",
            "{\"output\":{\"bucket-s\":60},\"cost\":{\"core-hour\":0.05}}",
            "",
            "",
            1,
            "bench"));
    listener.on(new AgentUp(0, 0, slots(), slots(), 65536));
    long events = 2;
    long lastTick = (long) submissions - 1 + (long) (STAGES - 1) * stride;
    for (long m = 0; m <= lastTick; m++) {
      long t = m * tickMicros;
      // Later stages first within a tick, so a slot frees before the next dispatch takes it.
      for (int k = STAGES - 1; k >= 0; k--) {
        long n = m - (long) k * stride;
        if (n >= 0 && n < submissions) {
          listener.on(stage(k, t, (int) n));
          events++;
        }
      }
    }
    return events;
  }

  private SimEvent stage(int k, long t, int n) {
    switch (k) {
      case 0:
        return new SubmissionArrived(t, n, "s" + n, "task", "docker/default", 0);
      case 1:
        return new SubmissionQueued(t, n);
      case 2:
        return new SubmissionDispatched(t, n, 0, n % slots());
      case 3:
        return new ContainerCreated(t, n);
      case 4:
        return new ContainerStarted(t, n);
      case 5:
        return new GradingFinished(t, n, RESULTS[n & 3]);
      case 6:
        return new ContainerRemoved(t, n);
      default:
        return new ResultDelivered(t, n);
    }
  }
}
