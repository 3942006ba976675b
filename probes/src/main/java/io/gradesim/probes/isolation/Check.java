package io.gradesim.probes.isolation;

import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;

/** The isolation checks, one line each (INGInious' limits: memory, time, hard_time). */
public enum Check {
  MEMORY_LIMIT("memory-limit", Checks::memory),
  CPU_TIME_LIMIT("cpu-time-limit", Checks::cpuTime),
  WALL_TIME_LIMIT("wall-time-limit", Checks::wallTime),
  NO_NETWORK("no-network", Checks::network),
  PID_ISOLATION("pid-isolation", Checks::pid),
  READ_ONLY_ROOT("read-only-root", Checks::readOnlyRoot);

  /** A check's attempt. */
  interface Attempt {
    Verdict run(RuntimeDriver driver, Trial trial) throws IOException;
  }

  private final String label;
  private final Attempt attempt;

  Check(String label, Attempt attempt) {
    this.label = label;
    this.attempt = attempt;
  }

  /** The name used in tables and CSV. */
  public String label() {
    return label;
  }

  Verdict run(RuntimeDriver driver, Trial trial) throws IOException {
    return attempt.run(driver, trial);
  }
}
