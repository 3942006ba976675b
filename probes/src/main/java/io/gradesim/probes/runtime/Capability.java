package io.gradesim.probes.runtime;

/** A limit a driver can ask of its runtime; what it cannot ask is reported as unsupported. */
public enum Capability {
  /** A memory limit that kills the container's processes past it. */
  MEMORY_LIMIT,
  /** A CPU-time limit (RLIMIT_CPU) on the payload. */
  CPU_TIME_LIMIT,
  /** A read-only root file system. */
  READ_ONLY_ROOT
}
