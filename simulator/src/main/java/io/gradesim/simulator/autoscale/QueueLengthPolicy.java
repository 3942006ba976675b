package io.gradesim.simulator.autoscale;

/**
 * Target tracking on the backlog per agent, as AWS recommends for queue workers ("acceptable
 * backlog per instance", Application Auto Scaling with SQS): {@code ceil(waiting / target)} agents
 * keep the waiting submissions per agent at the target.
 */
public final class QueueLengthPolicy implements ScalingPolicy {
  @Override
  public int desired(Load load, double target) {
    return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(load.waiting() / target));
  }
}
