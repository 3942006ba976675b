package io.gradesim.calibration.model;

/**
 * How much of a runtime's container operations is CPU work: the CPU time the probe's own work (its
 * JVM, the runtime, its daemons and containers) used while the runtime's lifecycles of the {@code
 * true} payload ran one at a time, over their wall time, less the probe's own {@code /proc} scans.
 * The simulator makes that share of each operation CPU work on the agent's cores.
 *
 * @param fraction CPU seconds per wall second of operations: the cores an operation keeps busy
 *     (above 1 where the runtime's processes, its daemons and the JVM work side by side), at most
 *     {@link #MAX}
 * @param windows how many host-load windows it was measured over
 * @param seconds the wall time those windows cover
 */
public record OpCpu(double fraction, int windows, double seconds) {

  /** The largest share a profile may hold. */
  public static final double MAX = 64;

  /** Checks the figures. */
  public OpCpu {
    if (!(fraction >= 0 && fraction <= MAX)) {
      throw new IllegalArgumentException(
          "op_cpu fraction must be in [0, " + MAX + "]: " + fraction);
    }
    if (windows < 1 || !(seconds > 0)) {
      throw new IllegalArgumentException("op_cpu needs at least one window of positive length");
    }
  }
}
