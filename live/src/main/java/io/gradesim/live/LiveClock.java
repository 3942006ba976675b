package io.gradesim.live;

/**
 * The live run's time: microseconds of the monotonic clock since the run began, which stands for
 * the trace's first arrival, so live instants line up with the simulator's virtual ones.
 */
public final class LiveClock {
  private final long startNanos;

  private LiveClock(long startNanos) {
    this.startNanos = startNanos;
  }

  /** A clock whose time 0 is now. */
  public static LiveClock startingNow() {
    return new LiveClock(System.nanoTime());
  }

  /** Microseconds since the run began. */
  public long micros() {
    return (System.nanoTime() - startNanos) / 1_000;
  }

  /** The monotonic clock's reading, in nanoseconds, at run time {@code micros}. */
  public long nanosAt(long micros) {
    return startNanos + micros * 1_000;
  }
}
