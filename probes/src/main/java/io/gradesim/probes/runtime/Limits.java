package io.gradesim.probes.runtime;

/**
 * Resource limits and isolation options asked of a container; zero means no limit.
 *
 * @param memoryMb memory limit in MiB (cgroup memory controller, or guest RAM for a VM)
 * @param cpuSeconds CPU-time limit in seconds (RLIMIT_CPU, as INGInious' {@code time} limit)
 * @param readOnlyRoot whether the root file system is mounted read-only
 */
public record Limits(int memoryMb, int cpuSeconds, boolean readOnlyRoot) {
  /** No limits, writable root: the setting timed by the stage probes. */
  public static final Limits NONE = new Limits(0, 0, false);
}
