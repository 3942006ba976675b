package io.gradesim.live;

import java.util.Arrays;

/**
 * When each submission of a live run arrived, was dispatched and had its container removed (µs of
 * the run's clock, by arrival ordinal): what the scoring resamples, handed over instead of re-read
 * from {@code submissions.csv}. Written by the backend only, read once the run ended.
 */
public final class LiveTimes {
  private final long[] arrived;
  private final long[] dispatched;
  private final long[] removed;

  LiveTimes(int submissions) {
    arrived = new long[submissions];
    dispatched = new long[submissions];
    removed = new long[submissions];
  }

  void arrived(int n, long t) {
    arrived[n] = t;
  }

  void dispatched(int n, long t) {
    dispatched[n] = t;
  }

  void removed(int n, long t) {
    removed[n] = t;
  }

  /** Number of submissions. */
  public int size() {
    return arrived.length;
  }

  /** Waits (dispatch - arrival) in seconds, in arrival order. */
  public double[] waitsSeconds() {
    return diff(dispatched, arrived);
  }

  /** Feedback times (removal, when the result is sent, - arrival) in seconds, in arrival order. */
  public double[] feedbacksSeconds() {
    return diff(removed, arrived);
  }

  /** Slot holding times (removal - dispatch) in seconds, in arrival order. */
  public double[] holdsSeconds() {
    return diff(removed, dispatched);
  }

  /** The last removal, in µs: the run's length. */
  public long lastMicros() {
    return Arrays.stream(removed).max().orElse(0);
  }

  private static double[] diff(long[] later, long[] earlier) {
    double[] out = new double[later.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (later[i] - earlier[i]) / 1e6;
    }
    return out;
  }
}
