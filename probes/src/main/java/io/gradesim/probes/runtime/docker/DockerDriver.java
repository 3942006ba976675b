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

  private final String storage;
  private volatile PrivateDaemon daemon;

  /** Docker with the low-level runtime {@code runtime} (runc, crun, runsc), the user's daemon. */
  public DockerDriver(String runtime) {
    this(runtime, "");
  }

  /**
   * Docker with {@code runtime} on storage driver {@code storage}: empty or the user's daemon's own
   * driver uses that daemon; any other ({@code vfs}, {@code btrfs}) a {@link PrivateDaemon} started
   * by {@link #prepare} and stopped by {@link #cleanup}.
   */
  public DockerDriver(String runtime, String storage) {
    super(CLIENT, runtime);
    this.storage = storage;
  }

  @Override
  public void prepare(io.gradesim.probes.image.ImageStore images) throws IOException {
    if (!storage.isEmpty() && !storage.equals(userDriver())) {
      daemon = PrivateDaemon.start(storage);
    }
    super.prepare(images);
  }

  /** The storage driver of the user's daemon, or empty when it does not answer. */
  public static String userDriver() {
    return HostCommand.quietly(List.of(CLIENT, "info", "--format", "{{.Driver}}")).stdout().strip();
  }

  @Override
  protected List<String> global() {
    PrivateDaemon d = daemon;
    return d == null ? List.of() : List.of("--host", d.host());
  }

  @Override
  public void cleanup(java.util.function.Predicate<String> labelled) {
    super.cleanup(labelled);
    PrivateDaemon d = daemon;
    if (d != null && labelled.test(d.dir().toString())) {
      daemon = null;
      d.close();
    }
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
