package io.gradesim.simulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gradesim.files.Sha256;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.autoscale.AutoscaleSettings;
import io.gradesim.simulator.model.AdmissionPolicy;
import io.gradesim.simulator.warmpool.WarmPoolSettings;
import io.gradesim.traces.synth.DurationDistribution;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resolved scenario as JSON with sorted keys (so the same scenario always gives the same
 * bytes), as carried by {@code RunStarted}. Durations are written as whole microseconds ({@code
 * ..-us}) and distributions as their normalised spec. Besides the scenario's own keys it holds
 * {@code grading-sources} (task to "trace", "scenario", "estimated", ...), which depends on the
 * trace and is therefore left out of {@link #hash}, as is the seed (its own provenance field).
 */
public final class ScenarioJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ScenarioJson() {}

  /** The JSON of {@code s} with its grading sources per task. */
  public static String render(ScenarioSettings s, Map<String, String> gradingSources) {
    return render(s, gradingSources, Map.of());
  }

  /**
   * The JSON of {@code s} with its grading sources per task and, for {@code costs = profile}, where
   * each stage's cost came from ({@code cost-sources}: stage to measured, literature or absent):
   * like the grading sources it depends on an input besides the scenario (the profile), so it is
   * left out of {@link #hash}.
   */
  public static String render(
      ScenarioSettings s, Map<String, String> gradingSources, Map<String, String> costSources) {
    Map<String, Object> m = tree(s);
    m.put("seed", s.seed());
    m.put("grading-sources", new TreeMap<>(gradingSources));
    if (!costSources.isEmpty()) {
      m.put("cost-sources", new TreeMap<>(costSources));
    }
    return write(m);
  }

  /** SHA-256 (hex) of the scenario's own keys: the same for every trace and seed. */
  public static String hash(ScenarioSettings s) {
    return Sha256.ofText(write(tree(s)));
  }

  private static Map<String, Object> tree(ScenarioSettings s) {
    Map<String, Object> m = new TreeMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("runtime", s.runtime());
    m.put("agents", s.agents());
    m.put("cores", s.cores());
    m.put("slots", s.slots());
    m.put("memory-mb", s.memoryMb());
    m.put("environments", s.environments());
    if (s.backgroundCores() > 0) {
      m.put("background-cores", s.backgroundCores()); // absent: hashes unchanged
    }
    m.put("costs", costs(s.costs()));
    m.put("admission", s.admission().key());
    if (s.admission() == AdmissionPolicy.CLOSED_LOOP) {
      // Only a closed-loop scenario has these keys, so the others keep their JSON and hash.
      ScenarioSettings.ClosedLoop loop = s.closedLoop();
      m.put(
          "closed-loop",
          Map.of(
              "close",
              loop.close() == null ? "trace" : loop.close().toString(),
              "think-us",
              loop.thinkMicros()));
    }
    ScenarioSettings.Network n = s.network();
    m.put(
        "network",
        Map.of(
            "frontend-to-backend-us",
            n.frontendToBackend(),
            "backend-to-agent-us",
            n.backendToAgent(),
            "agent-to-backend-us",
            n.agentToBackend(),
            "backend-to-frontend-us",
            n.backendToFrontend()));
    ScenarioSettings.Failures f = s.failures();
    m.put(
        "failures",
        Map.of(
            "mtbf-us",
            f.mtbfMicros(),
            "repair",
            f.repair().spec(),
            "detection-us",
            f.detectionMicros()));
    Map<String, Object> grading = new TreeMap<>();
    grading.put("default", s.grading().fallback() == null ? "none" : s.grading().fallback().spec());
    Map<String, String> tasks = new TreeMap<>();
    s.grading().tasks().forEach((k, v) -> tasks.put(k, v.spec()));
    grading.put("tasks", tasks);
    if (s.grading().recordedRuntime() != null) {
      grading.put("recorded-runtime", s.grading().recordedRuntime()); // absent: hashes unchanged
    }
    m.put("grading", grading);
    ScenarioSettings.Limits l = s.limits();
    m.put(
        "limits",
        Map.of(
            "cpu-us",
            l.cpuMicros(),
            "hard-us",
            l.hardMicros(),
            "hard-factor",
            l.hardFactor(),
            "memory-mb",
            l.memoryMb()));
    m.put("cost", Map.of("core-hour", s.prices().coreHour(), "agent-hour", s.prices().agentHour()));
    m.put("output", Map.of("bucket-s", s.bucketS()));
    m.put("autoscale", autoscale(s.autoscale()));
    WarmPoolSettings w = s.warmPool();
    m.put(
        "warm-pool",
        Map.of(
            "size-per-agent",
            w.sizePerAgent(),
            "environments",
            w.environments(),
            "refill",
            w.refill() ? "background" : "none",
            "pre-started",
            w.preStarted()));
    return m;
  }

  private static Object autoscale(AutoscaleSettings a) {
    if (!a.enabled()) {
      return Map.of("policy", "none");
    }
    Map<String, Object> m = new TreeMap<>();
    m.put("policy", a.policy().key());
    m.put("target", a.target());
    m.put("min-agents", a.minAgents());
    m.put("max-agents", a.maxAgents());
    m.put("provisioning-delay-us", a.provisioningMicros());
    m.put("cooldown-us", a.cooldownMicros());
    m.put("interval-us", a.intervalMicros());
    m.put("scale-in-idle-us", a.scaleInIdleMicros());
    return m;
  }

  private static Object costs(ScenarioSettings.Costs c) {
    if (c.kind() != ScenarioSettings.CostKind.GIVEN) {
      return c.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    Map<String, String> m = new TreeMap<>();
    for (Map.Entry<Stage, DurationDistribution> e : c.stages().entrySet()) {
      m.put(e.getKey().label(), e.getValue().spec());
    }
    return m;
  }

  private static String write(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
