package io.gradesim.calibration.recording;

/** An interval of a recording over which the load of work other than the probe's is known. */
public interface LoadWindow {

  /** Window start, nanoseconds since the epoch. */
  long startNanos();

  /** Window end, nanoseconds since the epoch. */
  long endNanos();

  /** Load of work other than the probe's, as a fraction of the whole machine (never negative). */
  double otherLoad();

  /** True when this window overlaps {@code [start, end]}. */
  default boolean overlaps(long start, long end) {
    return startNanos() < end && endNanos() > start;
  }
}
