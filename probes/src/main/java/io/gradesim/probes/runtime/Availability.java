package io.gradesim.probes.runtime;

/** Whether a runtime can run on this host, its version, and why not when it cannot. */
public record Availability(boolean available, String version, String reason) {

  /** A runtime that can run here. */
  public static Availability available(String version) {
    return new Availability(true, version, "");
  }

  /** A runtime that cannot run here, with the reason a person can act on. */
  public static Availability unavailable(String reason) {
    return new Availability(false, "", reason);
  }
}
