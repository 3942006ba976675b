package io.gradesim.probes.runtime.rootless;

import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Capability;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.crun.CrunDriver;
import io.gradesim.probes.runtime.engine.EngineDriver;
import io.gradesim.probes.runtime.engine.StorageRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Podman 4 with {@code --runtime R} run as the unprivileged {@link RootlessUser}, the seed thesis'
 * rootless Podman: every command is {@code setpriv ... -- podman --root G --runroot S
 * --storage-driver D VERB ...} with the user's own environment. Podman maps the user's subordinate
 * ids into the containers' user namespace (newuidmap, newgidmap) and keeps that namespace open with
 * a pause process. The storage is always the probe's own: a labelled folder given to the user (for
 * btrfs the loop-mounted file, mounted with {@code user_subvol_rm_allowed}) holding podman's native
 * rootless overlay (kernel 5.11 or later), vfs or btrfs. The image tarball is imported from stdin,
 * opened by the probe: the user cannot read the image cache. Cleanup removes the containers as the
 * user, kills the user's labelled processes (pause process, conmon, containers), unmounts and
 * removes the folders. Without cgroup v2 delegation rootless podman has no cgroups, so no memory
 * limit. Stages as in {@link EngineDriver}.
 */
public final class RootlessPodmanDriver extends EngineDriver {
  private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

  private final String storage;
  private volatile RootlessUser user;
  private volatile StorageRoot root;
  private volatile Path run;

  /** Rootless podman with {@code runtime} on {@code storage} (empty: overlay). */
  public RootlessPodmanDriver(String runtime, String storage) {
    super("podman", runtime);
    this.storage = storage.isEmpty() || storage.equals("overlay2") ? "overlay" : storage;
  }

  @Override
  public Availability availability() {
    return super.availability().and(RootlessUser.missing());
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
    // Asking podman itself as the user would start its pause process: the version is enough.
    String version = HostCommand.firstLine(List.of("podman", "--version"));
    return Availability.available(version + " + " + runtime() + " as " + RootlessUser.NAME);
  }

  @Override
  public Set<Capability> capabilities() {
    boolean v2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    return v2
        ? EnumSet.allOf(Capability.class)
        : EnumSet.of(Capability.CPU_TIME_LIMIT, Capability.READ_ONLY_ROOT);
  }

  @Override
  public void prepare(ImageStore images) throws IOException {
    RootlessUser u =
        RootlessUser.find()
            .orElseThrow(() -> new IOException("user " + RootlessUser.NAME + " missing"));
    StorageRoot r = StorageRoot.create("podman-rootless", storage, "loop,user_subvol_rm_allowed");
    root = r;
    // Podman refuses a runroot longer than 50 characters: a short labelled folder of its own,
    // which also holds the user's runtime and temporary folders.
    Path p = Path.of(System.getProperty("java.io.tmpdir"), Label.next("pr"));
    run = p;
    u.own(r.dir(), r.dir().resolve("home"), r.root());
    u.own(p, p.resolve("run"), p.resolve("tmp"), p.resolve("storage"));
    user = u;
    super.prepare(images);
  }

  @Override
  protected void importImage(Path tarball, String name) throws IOException {
    List<String> cmd = cmd("import", "-", name);
    ExecResult r = HostCommand.run(user.as(cmd), IMPORT_TIMEOUT, run, environment(), tarball);
    if (!r.ok()) {
      throw new IOException(String.join(" ", cmd) + " < " + tarball + ": " + r.describe());
    }
  }

  @Override
  protected ExecResult execute(List<String> cmd, Duration timeout) throws IOException {
    RootlessUser u = user;
    if (u == null) {
      throw new IOException("rootless podman used before prepare");
    }
    return HostCommand.run(u.as(cmd), timeout, run, environment(), null);
  }

  private Map<String, String> environment() {
    return user.environment(root.dir().resolve("home"), run.resolve("run"), run.resolve("tmp"));
  }

  @Override
  protected List<String> global() {
    StorageRoot r = root;
    Path p = run;
    if (r == null || p == null) {
      return List.of();
    }
    return List.of(
        "--root",
        r.root().resolve("graph").toString(),
        "--runroot",
        p.resolve("storage").toString(),
        "--storage-driver",
        storage);
  }

  /**
   * Removes this probe's containers as the user, then kills the user's processes labelled as {@code
   * labelled} accepts (its own or, sweeping orphans, a crashed probe's: their folders are in the
   * pause process' and conmon's environment and arguments), then unmounts and removes the storage;
   * a crashed probe's folders and mounts go with the host sweep.
   */
  @Override
  public void cleanup(Predicate<String> labelled) {
    StorageRoot r = root;
    boolean mine = r != null && labelled.test(r.dir().toString());
    if (mine && user != null) {
      quietly(cmd("rm", "--force", "--all"));
    }
    RootlessUser.find().ifPresent(u -> u.kill(labelled));
    if (mine) {
      root = null;
      r.close();
      Path p = run;
      if (p != null) {
        HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", p.toString()));
      }
    }
  }

  @Override
  public String cleanupScope() {
    StorageRoot r = root;
    return "podman-rootless " + (r == null ? "" : r.dir());
  }
}
