package io.gradesim.calibration.recording;

/**
 * One {@code jdk.CPULoad} event seen as the interval it averages: from the previous CPULoad event
 * (or one typical period before the first) to this one. Loads are fractions of the whole machine.
 *
 * @param startNanos window start, nanoseconds since the epoch
 * @param endNanos window end (the event's time), nanoseconds since the epoch
 * @param jvmUser the probe JVM's user-mode load
 * @param jvmSystem the probe JVM's kernel-mode load
 * @param machineTotal the whole machine's load
 */
public record CpuLoadWindow(
    long startNanos, long endNanos, double jvmUser, double jvmSystem, double machineTotal)
    implements LoadWindow {

  /** Load of everything but the probe JVM itself (never negative). */
  @Override
  public double otherLoad() {
    return Math.max(0, machineTotal - jvmUser - jvmSystem);
  }

  /** True when this window overlaps {@code [start, end]}. */
  @Override
  public boolean overlaps(long start, long end) {
    return startNanos < end && endNanos > start;
  }
}
