package io.gradesim.traces.format.inginious;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gradesim.traces.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Joins submissions with their task descriptions, {@code DIR/<course>/<task>/task.yaml} (or {@code
 * DIR/<task>/task.yaml} when DIR is one course's folder), read once per task.
 *
 * <p>Follows INGInious: {@code inginious/frontend/tasks.py} migrates the v0.6 keys ({@code
 * environment}, top-level {@code limits}) to {@code environment_type}, {@code environment_id} and
 * {@code environment_parameters.limits}; the container environment types ({@code
 * generic_docker_oci_runtime.py}) default {@code time} to 20 s, {@code memory} to 1024 MB and an
 * empty {@code hard_time} to 3 x time (the docker agent applies the same rule when the key is
 * absent). The {@code mcq} type is graded by the MCQ agent without a container, so its tasks carry
 * no limits.
 */
final class TaskCatalog {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final double DEFAULT_TIME_S = 20;
  private static final long DEFAULT_MEMORY_MB = 1024;

  private final Path dir;
  private final Map<String, Optional<TaskSettings>> cache = new HashMap<>();

  /** A catalog over {@code dir}; null means no task descriptions. */
  TaskCatalog(Path dir) {
    this.dir = dir;
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          dir + ": --tasks must be a folder of <course>/<task>/" + "task.yaml files");
    }
  }

  /** Whether a folder was given. */
  boolean enabled() {
    return dir != null;
  }

  /** The settings of {@code course/task}, or empty when its task.yaml is not there. */
  Optional<TaskSettings> lookup(String course, String task) {
    if (dir == null) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(course + "/" + task, k -> load(course, task));
  }

  private Optional<TaskSettings> load(String course, String task) {
    Path file = safe(course, task) ? dir.resolve(course).resolve(task).resolve("task.yaml") : null;
    if (file == null || !Files.isRegularFile(file)) {
      file = safe(task, task) ? dir.resolve(task).resolve("task.yaml") : null;
    }
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new TraceFormatException(file, line, null, "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new TraceFormatException(file, 0, null, "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new TraceFormatException(file, 1, null, "a task.yaml must be a mapping");
    }
    return Optional.of(settings(file, root));
  }

  /** Ids are folder names: refuse anything that could leave {@code dir}. */
  private static boolean safe(String... ids) {
    for (String id : ids) {
      if (id.isEmpty() || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  static TaskSettings settings(Path file, JsonNode root) {
    String type;
    String id;
    JsonNode limits;
    if (root.has("environment")) {
      // INGInious v0.6: environment is the id; the type is docker unless it is "mcq".
      id = root.get("environment").asText();
      type = "mcq".equals(id) ? "mcq" : "docker";
      limits = root.get("limits");
    } else {
      id = root.path("environment_id").asText("default");
      type = root.path("environment_type").asText("docker");
      limits = root.path("environment_parameters").get("limits");
    }
    String environment = type + "/" + id;
    if ("mcq".equals(type)) {
      return new TaskSettings(environment, null, null, null);
    }
    double time = number(file, limits, "time", DEFAULT_TIME_S);
    double hard = number(file, limits, "hard_time", 3 * time);
    double memory = number(file, limits, "memory", DEFAULT_MEMORY_MB);
    return new TaskSettings(environment, time, hard, Math.round(memory));
  }

  private static double number(Path file, JsonNode limits, String key, double fallback) {
    JsonNode v = limits == null ? null : limits.get(key);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.asText().trim());
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new TraceFormatException(
          file, 0, "limits." + key, "must be a positive number, found '" + v.asText() + "'");
    }
  }
}
