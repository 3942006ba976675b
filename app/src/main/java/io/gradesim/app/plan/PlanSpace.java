package io.gradesim.app.plan;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueType;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A planning space read from a HOCON file: a base scenario and the levers a candidate plan may move
 * (agent shapes with their price per hour, a range of agent counts, slots per core, runtimes,
 * warm-pool sizes, autoscaling settings). A candidate is one point of their product; see {@link
 * Candidate}. Every error names the file and the key.
 *
 * @param file the space file
 * @param base the base scenario file (today's pool), relative to the space file
 * @param baseSettings the base scenario as loaded
 * @param shapes agent shapes, at least one
 * @param minAgents fewest agents of a candidate
 * @param maxAgents most agents of a candidate
 * @param slotsPerCore slots per core to try; 0 = the base's slots
 * @param runtimes runtimes to try
 * @param warmPoolSizes warm containers per agent and environment to try
 * @param warmPoolEnvironments the environments a warm pool keeps containers of
 * @param autoscales autoscaling settings to try ({@link Autoscale#NONE} for a fixed pool)
 */
public record PlanSpace(
    Path file,
    Path base,
    ScenarioSettings baseSettings,
    List<Shape> shapes,
    int minAgents,
    int maxAgents,
    List<Integer> slotsPerCore,
    List<String> runtimes,
    List<Integer> warmPoolSizes,
    List<String> warmPoolEnvironments,
    List<Autoscale> autoscales) {

  private static final Set<String> KEYS =
      Set.of(
          "base",
          "shapes",
          "agents",
          "slots-per-core",
          "runtimes",
          "warm-pool-sizes",
          "warm-pool-environments",
          "autoscale");

  /**
   * An agent shape.
   *
   * @param name its label
   * @param cores CPU cores per agent
   * @param memoryMb RAM per agent
   * @param pricePerHour what one agent of this shape costs per hour
   */
  public record Shape(String name, int cores, long memoryMb, double pricePerHour) {}

  /**
   * Autoscaling settings of a candidate; the candidate's agent count is the pool's start and its
   * minimum.
   *
   * @param policy none, queue-length or recent-wait
   * @param target the policy's target (as the scenario key takes it), "" with none
   * @param maxAgents the most agents the pool may grow to, 0 with none
   */
  public record Autoscale(String policy, String target, int maxAgents) {
    /** A fixed pool. */
    public static final Autoscale NONE = new Autoscale("none", "", 0);

    /** Whether the pool scales. */
    public boolean enabled() {
      return !policy.equals("none");
    }

    /** A short label, e.g. {@code queue-length:1..8}. */
    public String label() {
      return enabled() ? policy + ":" + target + "<=" + maxAgents : "none";
    }
  }

  /** Copies the lists. */
  public PlanSpace {
    shapes = List.copyOf(shapes);
    slotsPerCore = List.copyOf(slotsPerCore);
    runtimes = List.copyOf(runtimes);
    warmPoolSizes = List.copyOf(warmPoolSizes);
    warmPoolEnvironments = List.copyOf(warmPoolEnvironments);
    autoscales = List.copyOf(autoscales);
  }

  /** Reads {@code file}; a missing or wrong key is an error naming the file and the key. */
  public static PlanSpace read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": space file not found");
    }
    Config c;
    try {
      c = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults()).resolve();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    for (String key : c.root().keySet()) {
      if (!KEYS.contains(key)) {
        throw bad(
            file, key, "unknown key; known: " + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    try {
      Path base = resolve(file, text(file, c, "base"));
      ScenarioSettings settings;
      try {
        settings = ScenarioLoader.load(base, List.of());
      } catch (IllegalArgumentException e) {
        throw bad(file, "base", e.getMessage());
      }
      List<Shape> shapes = shapes(file, c);
      int min = positive(file, c, "agents.min");
      int max = positive(file, c, "agents.max");
      if (max < min) {
        throw bad(file, "agents.max", "is below agents.min (" + min + ")");
      }
      List<Integer> slots = ints(file, c, "slots-per-core", List.of(0), 1);
      List<String> runtimes = strings(file, c, "runtimes", List.of(settings.runtime()));
      List<Integer> warm =
          ints(file, c, "warm-pool-sizes", List.of(settings.warmPool().sizePerAgent()), 0);
      List<String> envs =
          strings(file, c, "warm-pool-environments", settings.warmPool().environments());
      if (warm.stream().anyMatch(w -> w > 0) && envs.isEmpty()) {
        throw bad(file, "warm-pool-environments", "needed when a warm-pool size is above 0");
      }
      return new PlanSpace(
          file, base, settings, shapes, min, max, slots, runtimes, warm, envs, autoscales(file, c));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** The number of candidates: the size of the levers' product (autoscaled ones within bounds). */
  public int size() {
    return candidates().size();
  }

  /** Every candidate, in a fixed order. */
  public List<Candidate> candidates() {
    List<Candidate> out = new ArrayList<>();
    for (Candidate.Family f : families()) {
      for (int n = minAgents; n <= maxAgents; n++) {
        if (f.autoscale().enabled() && n > f.autoscale().maxAgents()) {
          continue;
        }
        out.add(new Candidate(f, n));
      }
    }
    return out;
  }

  /** The families of candidates: every lever fixed but the agent count. */
  public List<Candidate.Family> families() {
    List<Candidate.Family> out = new ArrayList<>();
    for (Shape s : shapes) {
      for (int spc : slotsPerCore) {
        for (String r : runtimes) {
          for (int w : warmPoolSizes) {
            for (Autoscale a : autoscales) {
              out.add(new Candidate.Family(s, spc, r, w, a));
            }
          }
        }
      }
    }
    return out;
  }

  private static List<Shape> shapes(Path file, Config c) {
    if (!c.hasPath("shapes")) {
      throw bad(file, "shapes", "missing: a list of { name, cores, memory-mb, price-per-hour }");
    }
    List<Shape> out = new ArrayList<>();
    List<? extends Config> list = c.getConfigList("shapes");
    for (int i = 0; i < list.size(); i++) {
      Config s = list.get(i);
      String at = "shapes[" + i + "].";
      for (String k : List.of("name", "cores", "memory-mb", "price-per-hour")) {
        if (!s.hasPath(k)) {
          throw bad(file, at + k, "missing");
        }
      }
      int cores = s.getInt("cores");
      long mem = s.getLong("memory-mb");
      double price = s.getDouble("price-per-hour");
      if (cores < 1 || mem < 1 || !(price >= 0)) {
        throw bad(file, at + "cores", "cores and memory-mb must be positive, price not negative");
      }
      out.add(new Shape(s.getString("name"), cores, mem, price));
    }
    if (out.isEmpty()) {
      throw bad(file, "shapes", "empty: give at least one shape");
    }
    return out;
  }

  private static List<Autoscale> autoscales(Path file, Config c) {
    if (!c.hasPath("autoscale")) {
      return List.of(Autoscale.NONE);
    }
    List<Autoscale> out = new ArrayList<>();
    List<? extends Config> list = c.getConfigList("autoscale");
    for (int i = 0; i < list.size(); i++) {
      Config a = list.get(i);
      String at = "autoscale[" + i + "].";
      String policy = a.hasPath("policy") ? a.getString("policy") : "";
      if (policy.equals("none")) {
        out.add(Autoscale.NONE);
        continue;
      }
      if (!policy.equals("queue-length") && !policy.equals("recent-wait")) {
        throw bad(file, at + "policy", "'" + policy + "': none, queue-length or recent-wait");
      }
      if (!a.hasPath("target") || !a.hasPath("max-agents")) {
        throw bad(file, at + (a.hasPath("target") ? "max-agents" : "target"), "missing");
      }
      out.add(new Autoscale(policy, a.getString("target"), a.getInt("max-agents")));
    }
    return out;
  }

  private static String text(Path file, Config c, String key) {
    if (!c.hasPath(key)) {
      throw bad(file, key, "missing");
    }
    return c.getString(key);
  }

  private static Path resolve(Path file, String name) {
    Path p = Path.of(name);
    Path dir = file.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
  }

  private static int positive(Path file, Config c, String key) {
    if (!c.hasPath(key)) {
      throw bad(file, key, "missing");
    }
    int v = c.getInt(key);
    if (v < 1) {
      throw bad(file, key, "must be at least 1");
    }
    return v;
  }

  private static List<Integer> ints(
      Path file, Config c, String key, List<Integer> absent, int least) {
    if (!c.hasPath(key)) {
      return absent;
    }
    if (c.getValue(key).valueType() != ConfigValueType.LIST) {
      throw bad(file, key, "must be a list, e.g. [1, 2]");
    }
    List<Integer> v = c.getIntList(key);
    if (v.isEmpty() || v.stream().anyMatch(x -> x < least)) {
      throw bad(file, key, "must be a non-empty list of numbers of at least " + least);
    }
    return v;
  }

  private static List<String> strings(Path file, Config c, String key, List<String> absent) {
    if (!c.hasPath(key)) {
      return absent;
    }
    if (c.getValue(key).valueType() != ConfigValueType.LIST || c.getStringList(key).isEmpty()) {
      throw bad(file, key, "must be a non-empty list");
    }
    return c.getStringList(key);
  }

  private static IllegalArgumentException bad(Path file, String key, String why) {
    return new IllegalArgumentException(file + ": " + key + ": " + why);
  }
}
