package io.gradesim.probes.runtime.docker;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.engine.EngineDriver;
import java.io.IOException;
import java.util.List;

/**
 * Docker (Debian's docker.io: dockerd 20.10) with {@code --runtime R}; runc is its default and crun
 * and runsc are registered in /etc/docker/daemon.json by {@code probes/host-setup.sh}. The client
 * is deliberately {@code /usr/bin/docker}, the one matching the daemon: a newer client in
 * /usr/local/bin shadows it on the PATH. Stages as in {@link EngineDriver}.
 */
public final class DockerDriver extends EngineDriver {
  /** Debian's client, matching Debian's daemon. */
  public static final String CLIENT = "/usr/bin/docker";

  /** Docker with the low-level runtime {@code runtime} (runc, crun, runsc). */
  public DockerDriver(String runtime) {
    super(CLIENT, runtime);
  }

  @Override
  protected String clientPackage() {
    return "docker.io";
  }

  @Override
  protected Availability engineAvailability() throws IOException {
    var r =
        HostCommand.run(
            List.of(
                CLIENT,
                "info",
                "--format",
                "{{.ServerVersion}} {{range $k, $v := .Runtimes}}{{$k}},{{end}}"));
    if (!r.ok()) {
      return Availability.unavailable(
          "dockerd is not answering (start it with"
              + " probes/host-setup.sh runtimes): "
              + r.describe());
    }
    String[] parts = r.stdout().strip().split(" ", 2);
    List<String> runtimes = List.of(parts.length > 1 ? parts[1].split(",") : new String[0]);
    if (!runtimes.contains(runtime())) {
      return Availability.unavailable(
          "dockerd has no runtime '"
              + runtime()
              + "' (registered: "
              + String.join(" ", runtimes)
              + "); see /etc/docker/daemon.json");
    }
    return Availability.available("docker " + parts[0] + " + " + runtime());
  }
}
