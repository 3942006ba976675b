package io.gradesim.probes.load;

import java.util.Set;

/**
 * The machine's load and the probe's share of it over one window, as fractions of the whole machine
 * (all CPUs together).
 *
 * @param machineLoad CPU time not idle and not waiting for I/O, over all CPU time, in [0, 1]
 * @param probeLoad CPU time of the counted processes over all CPU time, in [0, 1]
 * @param windowNanos length of the window, from the previous sample to this one
 * @param counted the pids counted as the probe's own work in this sample
 * @param scanNanos how long reading {@code /proc} took for this sample (its cost)
 */
public record HostLoad(
    double machineLoad, double probeLoad, long windowNanos, Set<Long> counted, long scanNanos) {

  /** Load of everything but the probe's own work (never negative). */
  public double otherLoad() {
    return Math.max(0, machineLoad - probeLoad);
  }
}
