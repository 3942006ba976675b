package io.gradesim.simulator.autoscale;

import java.util.Locale;
import java.util.function.Supplier;

/** The autoscaling policies a scenario may name: one line per policy. */
public enum AutoscalePolicy {
  QUEUE_LENGTH(QueueLengthPolicy::new),
  RECENT_WAIT(RecentWaitPolicy::new);

  private final Supplier<ScalingPolicy> factory;

  AutoscalePolicy(Supplier<ScalingPolicy> factory) {
    this.factory = factory;
  }

  /** A new instance of the policy. */
  public ScalingPolicy create() {
    return factory.get();
  }

  /** The name as written in scenarios: {@code queue-length}, {@code recent-wait}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The policy named {@code s}, or null for {@code none}. */
  public static AutoscalePolicy parse(String s) {
    if (s.trim().equals("none")) {
      return null;
    }
    for (AutoscalePolicy p : values()) {
      if (p.key().equals(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "expected none, queue-length or recent-wait, found '" + s + "'");
  }
}
