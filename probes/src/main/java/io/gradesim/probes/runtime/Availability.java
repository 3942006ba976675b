package io.gradesim.probes.runtime;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

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

  /**
   * This availability, or unavailable when {@code missing} names something else the runtime needs;
   * the reasons are joined, so a person learns everything to install at once.
   */
  public Availability and(Optional<String> missing) {
    if (missing.isEmpty()) {
      return this;
    }
    return unavailable(available ? missing.get() : reason + "; " + missing.get());
  }

  /**
   * Available when {@code binary} is on the PATH, with the first line of {@code binary --version}
   * as its version; otherwise unavailable with {@code missing} as the reason.
   */
  public static Availability ofCommand(String binary, String missing) {
    if (!HostCommand.onPath(binary)) {
      return unavailable(missing);
    }
    try {
      return available(HostCommand.firstLine(List.of(binary, "--version")));
    } catch (IOException e) {
      return unavailable(e.getMessage());
    }
  }
}
