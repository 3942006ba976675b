package io.gradesim.live;

import io.gradesim.traces.Submission;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * Replays a trace's arrivals in real time: submission {@code n} is handed on when the run's clock
 * reaches its offset from the first arrival. A thread of its own parks until each instant (the
 * actor scheduler's 10 ms tick would bias short waits).
 */
final class ArrivalClock implements AutoCloseable {
  private final Thread thread;
  private volatile boolean stopped;

  /** Starts replaying {@code trace} on {@code clock}; {@code arrive} gets (ordinal, time µs). */
  ArrivalClock(List<Submission> trace, LiveClock clock, BiConsumer<Integer, Long> arrive) {
    Instant first = trace.get(0).submittedAt();
    this.thread =
        new Thread(
            () -> {
              for (int n = 0; n < trace.size() && !stopped; n++) {
                long offset = ChronoUnit.MICROS.between(first, trace.get(n).submittedAt());
                long due = clock.nanosAt(offset);
                for (long left = due - System.nanoTime(); left > 0 && !stopped; ) {
                  LockSupport.parkNanos(left);
                  left = due - System.nanoTime();
                }
                if (!stopped) {
                  arrive.accept(n, clock.micros());
                }
              }
            },
            "gradesim-live-arrivals");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops handing on arrivals. */
  @Override
  public void close() {
    stopped = true;
    LockSupport.unpark(thread);
  }
}
