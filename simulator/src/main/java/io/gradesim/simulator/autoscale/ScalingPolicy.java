package io.gradesim.simulator.autoscale;

/** Turns a load into the number of agents wanted (before the minimum and maximum apply). */
@FunctionalInterface
public interface ScalingPolicy {

  /** The agents wanted for {@code load} when the metric should stay at {@code target}. */
  int desired(Load load, double target);
}
