package io.gradesim.simulator.autoscale;

/**
 * Target tracking on the recent queue wait: the pool grows in proportion to how far the wait is
 * above its target, {@code ceil(agents x wait / target)}, as target-tracking autoscalers scale
 * capacity by metric / target; a wait of zero wants no agent (only idle ones go).
 */
public final class RecentWaitPolicy implements ScalingPolicy {
  @Override
  public int desired(Load load, double target) {
    if (load.inService() == 0) {
      return load.waiting() > 0 ? 1 : 0;
    }
    double d = Math.ceil(load.inService() * (load.recentWaitMicros() / target));
    return (int) Math.min(Integer.MAX_VALUE, d);
  }
}
