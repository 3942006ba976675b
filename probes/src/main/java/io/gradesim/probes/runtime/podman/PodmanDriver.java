package io.gradesim.probes.runtime.podman;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.crun.CrunDriver;
import io.gradesim.probes.runtime.engine.EngineDriver;
import io.gradesim.probes.runtime.engine.StorageRoot;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Podman 4 (no daemon: each command is its own process) with {@code --runtime R}. Needs the
 * /etc/containers/containers.conf of {@code probes/host-setup.sh}: cgroupfs manager, file events
 * logger and explicit ulimits (root here lacks CAP_SYS_RESOURCE). Stages as in {@link
 * EngineDriver}.
 */
public final class PodmanDriver extends EngineDriver {

  private final String storage;
  private volatile StorageRoot root;
  private volatile java.nio.file.Path runroot;

  /** Podman with the low-level runtime {@code runtime} (crun or runc), the host's storage. */
  public PodmanDriver(String runtime) {
    this(runtime, "");
  }

  /**
   * Podman with {@code runtime} on storage driver {@code storage}: empty or {@code overlay} uses
   * the host's storage; {@code vfs} and {@code btrfs} a private {@link StorageRoot} ({@code
   * --root}, {@code --runroot}, {@code --storage-driver}) made by {@link #prepare} and removed by
   * {@link #cleanup}.
   */
  public PodmanDriver(String runtime, String storage) {
    super("podman", runtime);
    this.storage = storage.equals("overlay") ? "" : storage;
  }

  @Override
  public void prepare(io.gradesim.probes.image.ImageStore images) throws IOException {
    if (!storage.isEmpty()) {
      root = StorageRoot.create("podman", storage);
      // Podman refuses a runroot longer than 50 characters: a short labelled folder of its own.
      runroot =
          java.nio.file.Files.createDirectories(
              java.nio.file.Path.of(
                  System.getProperty("java.io.tmpdir"),
                  io.gradesim.probes.runtime.Label.next("pr")));
    }
    super.prepare(images);
  }

  @Override
  protected List<String> global() {
    StorageRoot r = root;
    if (r == null) {
      return List.of();
    }
    return List.of(
        "--root",
        r.root().resolve("graph").toString(),
        "--runroot",
        runroot.toString(),
        "--storage-driver",
        storage);
  }

  @Override
  public void cleanup(java.util.function.Predicate<String> labelled) {
    super.cleanup(labelled);
    StorageRoot r = root;
    if (r != null && labelled.test(r.dir().toString())) {
      root = null;
      r.close();
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", runroot.toString()));
    }
  }

  @Override
  protected String clientPackage() {
    return "podman";
  }

  @Override
  protected Availability engineAvailability() throws IOException {
    if (!HostCommand.onPath(runtime())) {
      return Availability.unavailable(
          runtime() + " is not installed (Debian package " + runtime() + ")");
    }
    var hybrid = CrunDriver.hybridControllers();
    if (hybrid.isPresent()) {
      return Availability.unavailable(
          "cgroup v2 still owns controllers ("
              + hybrid.get()
              + "): podman fails in hybrid mode; run probes/host-setup.sh runtimes");
    }
    // No daemon to ask, but podman reads its configuration and storage here: a broken set-up
    // fails now rather than in every lifecycle.
    var info =
        HostCommand.run(
            List.of("podman", "--runtime", runtime(), "info", "--format", "{{.Version.Version}}"),
            Duration.ofSeconds(20));
    if (!info.ok()) {
      return Availability.unavailable(
          "podman info fails (run probes/host-setup.sh runtimes): " + info.describe());
    }
    return Availability.available("podman " + info.stdout().strip() + " + " + runtime());
  }
}
