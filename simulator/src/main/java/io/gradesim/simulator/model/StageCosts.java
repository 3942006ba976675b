package io.gradesim.simulator.model;

import io.gradesim.probes.jfr.Stage;
import java.util.random.RandomGenerator;

/**
 * The wall-clock cost of container stages on an agent: the seam between the simulator and a
 * calibration profile (or fixed costs given in a scenario).
 */
@FunctionalInterface
public interface StageCosts {

  /** No container costs at all: a pure queueing model. */
  StageCosts NONE = (stage, concurrentOps, rng) -> 0L;

  /**
   * Draws the duration in microseconds of one {@code stage}, while {@code concurrentOps} container
   * operations (this one included) are in progress on the same agent.
   */
  long sampleMicros(Stage stage, int concurrentOps, RandomGenerator rng);

  /**
   * The cores a container operation keeps busy while it runs alone (its CPU time over its wall
   * time; above 1 where the runtime's processes and the agent's own work run side by side); 0 (the
   * default) makes every operation a pure wait, beside the grading rather than on its cores.
   */
  default double opCpuFraction() {
    return 0;
  }

  /**
   * Whether removal also costs a {@link Stage#STOP} draw (the probes stop a container before they
   * remove it, and measure both); false by default.
   */
  default boolean chargesStop() {
    return false;
  }
}
