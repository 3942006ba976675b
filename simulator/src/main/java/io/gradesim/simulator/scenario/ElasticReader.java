package io.gradesim.simulator.scenario;

import com.typesafe.config.ConfigValueType;
import io.gradesim.simulator.autoscale.AutoscalePolicy;
import io.gradesim.simulator.autoscale.AutoscaleSettings;
import io.gradesim.simulator.model.TopicRegistry;
import io.gradesim.simulator.warmpool.WarmPoolSettings;
import java.util.List;

/** Reads the {@code autoscale} and {@code warm-pool} sections, naming file, line and key. */
final class ElasticReader {
  private final ScenarioReader r;

  ElasticReader(ScenarioReader r) {
    this.r = r;
  }

  AutoscaleSettings autoscale(int agents) {
    AutoscalePolicy policy;
    try {
      policy = AutoscalePolicy.parse(r.string("autoscale.policy"));
    } catch (IllegalArgumentException e) {
      throw r.bad("autoscale.policy", e.getMessage());
    }
    if (policy == null) {
      return AutoscaleSettings.off(agents);
    }
    int min =
        r.c.getIsNull("autoscale.min-agents")
            ? agents
            : (int) nonNegative("autoscale.min-agents", ScenarioReader.MAX_AGENTS);
    int max =
        r.c.getIsNull("autoscale.max-agents")
            ? agents
            : r.positiveInt("autoscale.max-agents", ScenarioReader.MAX_AGENTS);
    if (min > agents || agents > max) {
      throw r.bad(
          "autoscale.max-agents",
          "need min-agents <= agents <= max-agents, found " + min + " <= " + agents + " <= " + max);
    }
    long interval = r.micros("autoscale.interval", false);
    if (interval <= 0) {
      throw r.bad("autoscale.interval", "must be positive");
    }
    return new AutoscaleSettings(
        policy,
        target(policy),
        min,
        max,
        r.micros("autoscale.provisioning-delay", false),
        r.micros("autoscale.cooldown", false),
        interval,
        r.micros("autoscale.scale-in-idle", false));
  }

  private double target(AutoscalePolicy policy) {
    String key = "autoscale.target";
    if (r.c.getIsNull(key)) {
      throw r.bad(
          key,
          "required with policy "
              + policy.key()
              + (policy == AutoscalePolicy.RECENT_WAIT
                  ? " (a wait such as 10s)"
                  : " (waiting submissions per agent, such as 2)"));
    }
    double t;
    if (policy == AutoscalePolicy.RECENT_WAIT) {
      t = r.micros(key, false);
    } else {
      if (r.c.getValue(key).valueType() != ConfigValueType.NUMBER) {
        throw r.bad(
            key,
            "expected a number of waiting submissions per agent, found '"
                + r.c.getValue(key).unwrapped()
                + "'");
      }
      t = r.number(key);
    }
    if (t <= 0) {
      throw r.bad(key, "must be positive");
    }
    return t;
  }

  WarmPoolSettings warmPool(List<String> agentEnvironments) {
    long size = nonNegative("warm-pool.size-per-agent", ScenarioReader.MAX_PER_AGENT);
    List<String> envs = r.strings("warm-pool.environments");
    for (String e : envs) {
      if (e.contains("*") || !e.contains("/")) {
        throw r.bad(
            "warm-pool.environments", "expected exact environments type/id, found '" + e + "'");
      }
      if (!TopicRegistry.matches(agentEnvironments, e)) {
        throw r.bad(
            "warm-pool.environments",
            "'" + e + "' is not served by the agents (" + agentEnvironments + ")");
      }
    }
    String refill = r.string("warm-pool.refill");
    if (!refill.equals("background") && !refill.equals("none")) {
      throw r.bad("warm-pool.refill", "expected background or none, found '" + refill + "'");
    }
    boolean preStarted;
    try {
      preStarted = r.c.getBoolean("warm-pool.pre-started");
    } catch (com.typesafe.config.ConfigException e) {
      throw r.bad("warm-pool.pre-started", "expected true or false");
    }
    return new WarmPoolSettings((int) size, envs, refill.equals("background"), preStarted);
  }

  private long nonNegative(String key, int max) {
    long v = r.integer(key);
    if (v < 0 || v > max) {
      throw r.bad(key, "must be a whole number from 0 to " + max + ", found " + v);
    }
    return v;
  }
}
