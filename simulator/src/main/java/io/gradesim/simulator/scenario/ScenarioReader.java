package io.gradesim.simulator.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.autoscale.AutoscaleSettings;
import io.gradesim.simulator.model.AdmissionPolicy;
import io.gradesim.traces.synth.DurationDistribution;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads typed values out of a merged scenario config, naming file, line and key on errors. */
final class ScenarioReader {
  private static final String NONE = "none";

  /** The most agents a pool may have (the autoscaler's maximum too). */
  static final int MAX_AGENTS = 1_000_000;

  /** The most cores, slots or warm containers of one agent. */
  static final int MAX_PER_AGENT = 4096;

  /** The most grading slots of the whole pool at its largest. */
  static final long MAX_POOL_SLOTS = 10_000_000;

  final Config c;
  private final String where;

  ScenarioReader(Config merged, String where) {
    this.c = merged;
    this.where = where;
  }

  ScenarioSettings read(String name) {
    int cores = positiveInt("cores", MAX_PER_AGENT);
    int slots = c.getIsNull("slots") ? cores : positiveInt("slots", MAX_PER_AGENT);
    int agents = positiveInt("agents", MAX_AGENTS);
    long memory = positiveLong("memory-mb");
    List<String> envs = strings("environments");
    if (envs.isEmpty()) {
      throw bad("environments", "must name at least one environment");
    }
    AutoscaleSettings autoscale = new ElasticReader(this).autoscale(agents);
    long poolSlots = (long) Math.max(agents, autoscale.maxAgents()) * slots;
    if (poolSlots > MAX_POOL_SLOTS) {
      throw bad(
          autoscale.enabled() ? "autoscale.max-agents" : "agents",
          String.format(
              "the pool would have %,d slots (agents x slots); at most %,d are simulated",
              poolSlots, MAX_POOL_SLOTS));
    }
    return new ScenarioSettings(
        name,
        string("description"),
        string("runtime"),
        integer("seed"),
        agents,
        cores,
        slots,
        memory,
        envs,
        costs(),
        admission(),
        network(),
        failures(),
        grading(),
        limits(),
        prices(),
        positiveInt("output.bucket-s", Integer.MAX_VALUE),
        autoscale,
        new ElasticReader(this).warmPool(envs),
        closedLoop(),
        backgroundCores(cores));
  }

  /** {@code background-cores}: each agent's cores busy with other work, from 0 to its cores. */
  private double backgroundCores(int cores) {
    double b = c.getDouble("background-cores");
    if (!(b >= 0 && b <= cores)) {
      throw bad(
          "background-cores",
          "expected a number of cores from 0 to the agent's " + cores + ", found " + b);
    }
    return b;
  }

  private ScenarioSettings.Costs costs() {
    ConfigValue v = c.getValue("costs");
    if (v.valueType() == ConfigValueType.OBJECT) {
      Map<Stage, DurationDistribution> m = new EnumMap<>(Stage.class);
      for (Stage s : Stage.SIMULATED) {
        String key = "costs." + s.label();
        if (c.hasPath(key)) {
          m.put(s, distribution(key, false));
        }
      }
      return new ScenarioSettings.Costs(ScenarioSettings.CostKind.GIVEN, m);
    }
    String s = string("costs");
    switch (s) {
      case NONE:
        return new ScenarioSettings.Costs(ScenarioSettings.CostKind.NONE, Map.of());
      case "profile":
        return new ScenarioSettings.Costs(ScenarioSettings.CostKind.PROFILE, Map.of());
      default:
        throw bad(
            "costs",
            "expected none, profile or { create = .., start = .., remove = .. },"
                + " found '"
                + s
                + "'");
    }
  }

  private AdmissionPolicy admission() {
    try {
      return AdmissionPolicy.parse(string("admission"));
    } catch (IllegalArgumentException e) {
      throw bad("admission", e.getMessage());
    }
  }

  private ScenarioSettings.ClosedLoop closedLoop() {
    Instant close = null;
    if (!c.getIsNull("closed-loop.close")) {
      String text = string("closed-loop.close");
      try {
        close = Instant.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw bad(
            "closed-loop.close",
            "expected an ISO-8601 UTC instant such as 2024-01-15T12:00:00Z, or null, found '"
                + text
                + "'");
      }
    }
    return new ScenarioSettings.ClosedLoop(close, micros("closed-loop.think", false));
  }

  private ScenarioSettings.Network network() {
    return new ScenarioSettings.Network(
        micros("network.frontend-to-backend", false),
        micros("network.backend-to-agent", false),
        micros("network.agent-to-backend", false),
        micros("network.backend-to-frontend", false));
  }

  private ScenarioSettings.Failures failures() {
    return new ScenarioSettings.Failures(
        micros("failures.mtbf", true),
        distribution("failures.repair", false),
        micros("failures.detection", false));
  }

  private ScenarioSettings.Grading grading() {
    DurationDistribution fallback = distribution("grading.default", true);
    Map<String, DurationDistribution> tasks = new TreeMap<>();
    ConfigObject o;
    try {
      o = c.getObject("grading.tasks");
    } catch (ConfigException e) {
      throw bad("grading.tasks", "expected an object of task = distribution");
    }
    for (String task : o.keySet()) {
      tasks.put(task, distribution("grading.tasks.\"" + task + "\"", false));
    }
    String recorded =
        isNone("grading.recorded-runtime") ? null : string("grading.recorded-runtime");
    if (recorded != null && recorded.isBlank()) {
      throw bad(
          "grading.recorded-runtime", "expected a runtime of the calibration profile or none");
    }
    return new ScenarioSettings.Grading(fallback, tasks, recorded);
  }

  private ScenarioSettings.Limits limits() {
    double factor = number("limits.hard-factor");
    if (factor < 1) {
      throw bad("limits.hard-factor", "must be at least 1");
    }
    LimitDefaults defaults;
    try {
      defaults = LimitDefaults.parse(string("limits.defaults"));
    } catch (IllegalArgumentException e) {
      throw bad("limits.defaults", e.getMessage());
    }
    long mem = isNone("limits.memory-mb") ? defaults.memoryMb() : positiveLong("limits.memory-mb");
    long cpu = isNone("limits.cpu") ? defaults.cpuMicros() : micros("limits.cpu", false);
    return new ScenarioSettings.Limits(cpu, micros("limits.hard", true), factor, mem);
  }

  private ScenarioSettings.Prices prices() {
    return new ScenarioSettings.Prices(number("cost.core-hour"), number("cost.agent-hour"));
  }

  boolean isNone(String key) {
    ConfigValue v = c.getValue(key);
    return v.valueType() == ConfigValueType.STRING && NONE.equals(v.unwrapped());
  }

  long micros(String key, boolean noneAllowed) {
    if (noneAllowed && isNone(key)) {
      return 0;
    }
    long us;
    try {
      us = c.getDuration(key).toNanos() / 1000;
    } catch (ConfigException e) {
      us = lenientMicros(key, noneAllowed);
    }
    if (us < 0) {
      throw bad(key, "must not be negative");
    }
    return us;
  }

  /** Units HOCON lacks but distributions accept (us, min) go through the distribution parser. */
  private long lenientMicros(String key, boolean noneAllowed) {
    ConfigValue v = c.getValue(key);
    try {
      if (v.valueType() != ConfigValueType.STRING) {
        throw new IllegalArgumentException();
      }
      return DurationDistribution.micros(key, (String) v.unwrapped());
    } catch (IllegalArgumentException e) {
      throw bad(
          key,
          "expected a duration with a unit such as 250ms or 2s"
              + (noneAllowed ? " (or none)" : "")
              + ", found '"
              + c.getValue(key).unwrapped()
              + "'");
    }
  }

  /** A duration (constant) or a distribution string such as exp:mean=4s. */
  private DurationDistribution distribution(String key, boolean noneAllowed) {
    if (noneAllowed && isNone(key)) {
      return null;
    }
    ConfigValue v = c.getValue(key);
    String s = String.valueOf(v.unwrapped());
    if (v.valueType() == ConfigValueType.STRING && s.contains(":")) {
      try {
        return DurationDistribution.parse(s);
      } catch (IllegalArgumentException e) {
        throw bad(key, e.getMessage());
      }
    }
    return new DurationDistribution.Constant(micros(key, false));
  }

  String string(String key) {
    try {
      return c.getString(key);
    } catch (ConfigException e) {
      throw bad(key, "expected a string");
    }
  }

  List<String> strings(String key) {
    try {
      return c.getStringList(key);
    } catch (ConfigException e) {
      throw bad(key, "expected a list of strings");
    }
  }

  /**
   * A whole number: HOCON reads {@code 2.5} or a number beyond a {@code long} as a double, which
   * {@code Config.getLong} would truncate or clamp, so only an integral value is taken.
   */
  long integer(String key) {
    Object v = c.getValue(key).unwrapped();
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw bad(
        key,
        "expected a whole number from "
            + Long.MIN_VALUE
            + " to "
            + Long.MAX_VALUE
            + ", found '"
            + (v instanceof Double d ? java.math.BigDecimal.valueOf(d).toPlainString() : v)
            + "'");
  }

  int positiveInt(String key, int max) {
    long v = integer(key);
    if (v <= 0 || v > max) {
      throw bad(key, "must be a whole number from 1 to " + max + ", found " + v);
    }
    return (int) v;
  }

  private long positiveLong(String key) {
    long v = integer(key);
    if (v <= 0) {
      throw bad(key, "must be a positive integer, found " + v);
    }
    return v;
  }

  double number(String key) {
    try {
      double d = c.getDouble(key);
      if (!Double.isFinite(d) || d < 0) {
        throw bad(key, "must be a finite non-negative number");
      }
      return d;
    } catch (ConfigException e) {
      throw bad(key, "expected a number, found '" + c.getValue(key).unwrapped() + "'");
    }
  }

  IllegalArgumentException bad(String key, String reason) {
    String at = c.hasPath(key) ? ScenarioLoader.locate(c.getValue(key), where) : where;
    if (at.contains("reference.conf")) {
      at = where;
    }
    return new IllegalArgumentException(at + ": " + key + ": " + reason);
  }
}
