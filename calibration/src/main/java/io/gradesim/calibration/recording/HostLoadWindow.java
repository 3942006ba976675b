package io.gradesim.calibration.recording;

/**
 * One {@code gradesim.HostLoad} event seen as the interval it averages: from the previous HostLoad
 * event (for the first, its own {@code windowNanos} before it) to this one. Loads are fractions of
 * the whole machine; {@code probeLoad} counts the probe JVM, its descendants, the runtime daemons
 * and the probe's containers.
 *
 * @param startNanos window start, nanoseconds since the epoch
 * @param endNanos window end (the event's time), nanoseconds since the epoch
 * @param machineLoad the machine's load (/proc/stat: neither idle nor iowait)
 * @param probeLoad the probe's own work, runtimes and containers included
 * @param scanNanos CPU the probe spent reading {@code /proc} for this window (part of probeLoad)
 */
public record HostLoadWindow(
    long startNanos, long endNanos, double machineLoad, double probeLoad, long scanNanos)
    implements LoadWindow {

  /** A window whose scan cost is not known (0). */
  public HostLoadWindow(long startNanos, long endNanos, double machineLoad, double probeLoad) {
    this(startNanos, endNanos, machineLoad, probeLoad, 0);
  }

  /** Load of everything but the probe's own work (never negative). */
  @Override
  public double otherLoad() {
    return Math.max(0, machineLoad - probeLoad);
  }
}
