package io.gradesim.probes.runtime.podman;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.crun.CrunDriver;
import io.gradesim.probes.runtime.engine.EngineDriver;
import java.io.IOException;
import java.util.List;

/**
 * Podman 4 (no daemon: each command is its own process) with {@code --runtime R}. Needs the
 * /etc/containers/containers.conf of {@code probes/host-setup.sh}: cgroupfs manager, file events
 * logger and explicit ulimits (root here lacks CAP_SYS_RESOURCE). Stages as in {@link
 * EngineDriver}.
 */
public final class PodmanDriver extends EngineDriver {

  /** Podman with the low-level runtime {@code runtime} (crun or runc). */
  public PodmanDriver(String runtime) {
    super("podman", runtime);
  }

  @Override
  protected Availability engineAvailability() throws IOException {
    if (!HostCommand.onPath(runtime())) {
      return Availability.unavailable(runtime() + " is not installed");
    }
    var hybrid = CrunDriver.hybridControllers();
    if (hybrid.isPresent()) {
      return Availability.unavailable("cgroup v2 still owns controllers (" + hybrid.get()
          + "): podman fails in hybrid mode; run probes/host-setup.sh runtimes");
    }
    String v = HostCommand.firstLine(List.of("podman", "--version"));
    return Availability.available(v + " + " + runtime());
  }
}
