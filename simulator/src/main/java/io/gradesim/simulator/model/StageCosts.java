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
}
