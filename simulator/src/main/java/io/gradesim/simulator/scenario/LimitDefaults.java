package io.gradesim.simulator.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * INGInious' task limits for a submission whose trace row and scenario give none ({@code
 * limits.defaults}). The hard (wall) limit is {@code hard-factor} x CPU time in both, as INGInious'
 * {@code hard_time = 3 * time}.
 *
 * <ul>
 *   <li>{@code inginious-agent}: what the docker agent falls back to when a task's {@code limits}
 *       lack a key: {@code time} 30 s, {@code memory} 200 MB ({@code
 *       inginious/agent/docker_agent/__init__.py}, {@code __new_job_sync}: {@code
 *       limits.get("time", 30)}, {@code limits.get("memory", 200)}, {@code hard_time or time * 3}).
 *   <li>{@code inginious-editor}: what the task editor writes into {@code task.yaml} for a new
 *       task: 20 s, 1024 MB ({@code
 *       inginious/frontend/environment_types/generic_docker_oci_runtime.py}, {@code
 *       check_task_environment_parameters}: {@code {"time": 20, "memory": 1024}}, {@code hard_time
 *       = 3 * time} when left empty).
 * </ul>
 */
public enum LimitDefaults {
  NONE(0, 0),
  INGINIOUS_AGENT(30_000_000L, 200),
  INGINIOUS_EDITOR(20_000_000L, 1024);

  private final long cpuMicros;
  private final long memoryMb;

  LimitDefaults(long cpuMicros, long memoryMb) {
    this.cpuMicros = cpuMicros;
    this.memoryMb = memoryMb;
  }

  /** The CPU-time limit in microseconds (0: none). */
  public long cpuMicros() {
    return cpuMicros;
  }

  /** The memory limit in MB (0: none). */
  public long memoryMb() {
    return memoryMb;
  }

  /** The scenario's name for it: none, inginious-agent, inginious-editor. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The defaults named {@code key}; an unknown name lists the known ones. */
  public static LimitDefaults parse(String key) {
    for (LimitDefaults d : values()) {
      if (d.key().equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "expected "
            + Arrays.stream(values()).map(LimitDefaults::key).collect(Collectors.joining(", "))
            + ", found '"
            + key
            + "'");
  }
}
