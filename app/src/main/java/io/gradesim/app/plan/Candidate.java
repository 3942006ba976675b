package io.gradesim.app.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One candidate plan: a family (every lever but the agent count) and its agent count. Its scenario
 * is the space's base scenario with {@link #overrides} ({@code --set}-style keys); the pool's price
 * per hour goes in {@code cost.agent-hour}, so the run's cost figure is the plan's cost.
 *
 * @param family the levers but the agent count
 * @param agents agents of the pool (the start and minimum of an autoscaled one)
 */
public record Candidate(Family family, int agents) {

  /**
   * The levers of a candidate but its agent count: more agents of a family are never worse, which
   * the search's bisection stands on.
   *
   * @param shape the agents' shape
   * @param slotsPerCore slots per core, 0 = the base's slots
   * @param runtime the container runtime
   * @param warmPool warm containers per agent and environment
   * @param autoscale autoscaling, or {@link PlanSpace.Autoscale#NONE}
   */
  public record Family(
      PlanSpace.Shape shape,
      int slotsPerCore,
      String runtime,
      int warmPool,
      PlanSpace.Autoscale autoscale) {}

  /** A name unique in its space, usable as a folder name, e.g. {@code 8c-x3-s1-docker-crun-w0}. */
  public String id() {
    return (family.shape.name()
            + "-x"
            + agents
            + (family.slotsPerCore == 0 ? "" : "-s" + family.slotsPerCore)
            + "-"
            + family.runtime
            + "-w"
            + family.warmPool
            + (family.autoscale.enabled()
                ? "-"
                    + family.autoscale.policy()
                    + family.autoscale.target()
                    + "-max"
                    + family.autoscale.maxAgents()
                : ""))
        .replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The lever values by name, in the order of plan.csv's columns. */
  public Map<String, String> levers() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("shape", family.shape.name());
    m.put("cores", Integer.toString(family.shape.cores()));
    m.put("memory_mb", Long.toString(family.shape.memoryMb()));
    m.put("agents", Integer.toString(agents));
    m.put(
        "slots_per_core",
        family.slotsPerCore == 0 ? "base" : Integer.toString(family.slotsPerCore));
    m.put("runtime", family.runtime);
    m.put("warm_pool", Integer.toString(family.warmPool));
    m.put("autoscale", family.autoscale.label());
    return m;
  }

  /** What the candidate changes in the base scenario, as {@code key=value} overrides. */
  public List<String> overrides(List<String> warmEnvironments) {
    List<String> o = new ArrayList<>();
    o.add("agents=" + agents);
    o.add("cores=" + family.shape.cores());
    o.add("memory-mb=" + family.shape.memoryMb());
    if (family.slotsPerCore > 0) {
      o.add("slots=" + family.slotsPerCore * family.shape.cores());
    }
    o.add("runtime=\"" + family.runtime + "\"");
    o.add("cost.core-hour=0");
    o.add(String.format(Locale.ROOT, "cost.agent-hour=%s", family.shape.pricePerHour()));
    o.add("warm-pool.size-per-agent=" + family.warmPool);
    if (family.warmPool > 0) {
      o.add("warm-pool.environments=" + quoted(warmEnvironments));
    }
    if (family.autoscale.enabled()) {
      o.add("autoscale.policy=" + family.autoscale.policy());
      String t = family.autoscale.target();
      o.add("autoscale.target=" + (t.matches("[0-9.]+") ? t : "\"" + t + "\""));
      o.add("autoscale.min-agents=" + agents);
      o.add("autoscale.max-agents=" + family.autoscale.maxAgents());
    } else {
      o.add("autoscale.policy=none");
    }
    return List.copyOf(o);
  }

  /**
   * The least cost this candidate can have on a trace spanning {@code spanHours}: its fewest agents
   * up from the first arrival to the last at its price per hour.
   */
  public double costLowerBound(double spanHours) {
    return agents * family.shape.pricePerHour() * spanHours;
  }

  private static String quoted(List<String> values) {
    return "[" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
  }
}
