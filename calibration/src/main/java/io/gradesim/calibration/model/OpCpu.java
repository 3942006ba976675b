package io.gradesim.calibration.model;

/**
 * How much of a runtime's container operations is CPU work: the CPU time the probe's own work (its
 * JVM, the runtime, its daemons and containers) used while the runtime's lifecycles of the {@code
 * true} payload ran one at a time, over their wall time, less the probe's own {@code /proc} scans.
 * The simulator makes that share of each operation CPU work on the agent's cores.
 *
 * @param fraction CPU seconds per wall second of operations, in [0, 1] (one operation uses at most
 *     one core)
 * @param windows how many host-load windows it was measured over
 * @param seconds the wall time those windows cover
 */
public record OpCpu(double fraction, int windows, double seconds) {

  /** Checks the figures. */
  public OpCpu {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("op_cpu fraction must be in [0, 1]: " + fraction);
    }
    if (windows < 1 || !(seconds > 0)) {
      throw new IllegalArgumentException("op_cpu needs at least one window of positive length");
    }
  }
}
