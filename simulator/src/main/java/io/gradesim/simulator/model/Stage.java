package io.gradesim.simulator.model;

import java.util.Locale;

/**
 * A container operation around a grading job, as the INGInious docker agent performs them
 * ({@code inginious/agent/docker_agent/__init__.py}: create, start, then removal after the
 * grading ended). {@code EXEC} is the latency from a started container to the first command it
 * runs (the thesis' "exec" column); it holds the slot but uses no shared CPU.
 */
public enum Stage {
  CREATE,
  START,
  EXEC,
  REMOVE;

  /** The stage's name as written in scenarios and profiles ({@code create}, ...). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
