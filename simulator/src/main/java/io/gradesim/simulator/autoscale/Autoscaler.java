package io.gradesim.simulator.autoscale;

/**
 * Decides at each evaluation how many agents to add or remove. The policy gives the agents wanted;
 * the minimum and maximum bound it; no action is taken within the cooldown after the previous one;
 * scale-in removes at most as many agents as are removable (idle long enough), so busy capacity is
 * never taken away by a metric that dips between two bursts.
 */
public final class Autoscaler {

  /** What to do now: add {@code add} agents, remove {@code remove} agents (never both). */
  public record Decision(int add, int remove) {
    /** No action. */
    public static final Decision NONE = new Decision(0, 0);
  }

  private final AutoscaleSettings settings;
  private final ScalingPolicy policy;
  private long lastAction = Long.MIN_VALUE;

  /** An autoscaler following {@code settings} (which must be enabled). */
  public Autoscaler(AutoscaleSettings settings) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("autoscaling is off");
    }
    this.settings = settings;
    this.policy = settings.policy().create();
  }

  /** Evaluates at {@code now}; {@code removable} agents could be removed at once. */
  public Decision evaluate(long now, Load load, int removable) {
    if (lastAction != Long.MIN_VALUE && now - lastAction < settings.cooldownMicros()) {
      return Decision.NONE;
    }
    int want = policy.desired(load, settings.target());
    want = Math.max(settings.minAgents(), Math.min(settings.maxAgents(), want));
    int have = load.inService();
    Decision d = Decision.NONE;
    if (want > have) {
      d = new Decision(want - have, 0);
    } else if (want < have && removable > 0) {
      d = new Decision(0, Math.min(have - want, removable));
    }
    if (d != Decision.NONE) {
      lastAction = now;
    }
    return d;
  }

  /** The settings. */
  public AutoscaleSettings settings() {
    return settings;
  }
}
