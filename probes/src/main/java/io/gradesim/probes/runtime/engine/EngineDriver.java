package io.gradesim.probes.runtime.engine;

import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.Placement;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Docker-like engine with a low-level runtime: prepare = {@code import} the rootfs tarball as a
 * labelled image; create = {@code create --name N --runtime R --network none IMAGE sleep}; start =
 * {@code start N}; exec = {@code exec N ARGV}; stop = {@code stop --time 0 N} (KILL, and wait until
 * stopped); remove = {@code rm N}; run = {@code run --rm ... IMAGE ARGV}.
 */
public abstract class EngineDriver implements RuntimeDriver {
  private final String client;
  private final String runtime;
  private String image;

  /** A driver for the engine client binary {@code client} using low-level {@code runtime}. */
  protected EngineDriver(String client, String runtime) {
    this.client = client;
    this.runtime = runtime;
  }

  /** The low-level runtime's name as the engine knows it. */
  protected String runtime() {
    return runtime;
  }

  /** The client binary. */
  protected String client() {
    return client;
  }

  /** Checks the engine answers and knows the runtime; returns the engine version if so. */
  protected abstract Availability engineAvailability() throws IOException;

  @Override
  public Availability availability() {
    return clientAvailability().and(HostNeeds.tools("tar=tar")).and(HostNeeds.busyboxImage());
  }

  /** The Debian package holding the client, named when it is missing. */
  protected abstract String clientPackage();

  private Availability clientAvailability() {
    if (!HostCommand.onPath(client)) {
      return Availability.unavailable(
          client + " is not installed (Debian package " + clientPackage() + ")");
    }
    try {
      return engineAvailability();
    } catch (IOException e) {
      return Availability.unavailable(e.getMessage());
    }
  }

  @Override
  public void prepare(ImageStore images) throws IOException {
    String name = Label.next("img") + ":" + images.image().label() + "-" + images.hash();
    importImage(images.tarball(), name);
    image = name;
  }

  /** Imports the rootfs tarball {@code tarball} as image {@code name}. */
  protected void importImage(Path tarball, String name) throws IOException {
    check(cmd("import", tarball.toString(), name));
  }

  /**
   * Runs an engine command line made by {@link #cmd} to completion (killed at the timeout); a
   * driver running the engine as another user or with another environment overrides this.
   */
  protected ExecResult execute(List<String> cmd, Duration timeout) throws IOException {
    return HostCommand.run(cmd, timeout);
  }

  /** {@link #execute} with the default timeout; an IOException naming the command on failure. */
  protected String check(List<String> cmd) throws IOException {
    ExecResult r = execute(cmd, HostCommand.DEFAULT_TIMEOUT);
    if (!r.ok()) {
      throw new IOException(String.join(" ", cmd) + ": " + r.describe());
    }
    return r.stdout();
  }

  /** {@link #execute}, ignoring failure (for objects that may already be gone). */
  protected ExecResult quietly(List<String> cmd) {
    try {
      return execute(cmd, Duration.ofSeconds(30));
    } catch (IOException e) {
      return new ExecResult(-1, "", e.getMessage(), false);
    }
  }

  @Override
  public Container create(ContainerSpec spec) throws IOException {
    List<String> cmd = options(spec, "create");
    cmd.addAll(Container.INIT);
    check(cmd);
    return new Container(spec);
  }

  @Override
  public void start(Container c) throws IOException {
    check(cmd("start", c.name()));
  }

  @Override
  public ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException {
    List<String> cmd = cmd("exec", c.name());
    cmd.addAll(argv);
    return execute(cmd, timeout);
  }

  @Override
  public void stop(Container c) throws IOException {
    check(cmd("stop", "--time", "0", c.name()));
  }

  @Override
  public void remove(Container c) throws IOException {
    check(cmd("rm", c.name()));
  }

  @Override
  public ExecResult run(ContainerSpec spec, List<String> argv, Duration timeout)
      throws IOException {
    List<String> cmd = options(spec, "run");
    cmd.add(cmd.indexOf("run") + 1, "--rm");
    cmd.addAll(argv);
    try {
      return execute(cmd, timeout);
    } finally {
      quietly(cmd("rm", "--force", spec.name()));
    }
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    if (!HostCommand.onPath(client)) {
      return;
    }
    String names = quietly(cmd("ps", "--all", "--format", "{{.Names}}")).stdout();
    for (String n : names.lines().map(String::strip).toList()) {
      if (n.contains(Label.PREFIX) && labelled.test(n)) {
        quietly(cmd("rm", "--force", n));
      }
    }
    String images = quietly(cmd("images", "--format", "{{.Repository}}:{{.Tag}}")).stdout();
    for (String i : images.lines().map(String::strip).toList()) {
      if (i.contains(Label.PREFIX) && labelled.test(i)) {
        quietly(cmd("rmi", "--force", i));
      }
    }
  }

  /**
   * Containers and images of one engine: every driver on the same client and storage finds the
   * same.
   */
  @Override
  public String cleanupScope() {
    return client + " " + String.join(" ", global());
  }

  /**
   * Options placed before every verb, e.g. the socket of a private daemon or podman's storage root;
   * none by default (the engine's own storage).
   */
  protected List<String> global() {
    return List.of();
  }

  /** {@code client [global options] ARGS}, mutable. */
  protected List<String> cmd(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(client);
    cmd.addAll(global());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** {@code client VERB --name N --runtime R --network none [limits] [placement] IMAGE}. */
  private List<String> options(ContainerSpec spec, String verb) {
    List<String> cmd = cmd(verb, "--name", spec.name(), "--runtime", runtime, "--network", "none");
    if (spec.limits().memoryMb() > 0) {
      cmd.add("--memory=" + spec.limits().memoryMb() + "m");
      cmd.add("--memory-swap=" + spec.limits().memoryMb() + "m");
    }
    if (spec.limits().cpuSeconds() > 0) {
      int s = spec.limits().cpuSeconds();
      cmd.add("--ulimit=cpu=" + s + ":" + s);
      // Any --ulimit replaces podman's configured defaults, and raising NOFILE to the host's
      // hard limit needs CAP_SYS_RESOURCE, which root lacks here: keep the configured values.
      cmd.add("--ulimit=nofile=1024:1024");
      cmd.add("--ulimit=nproc=4096:4096");
    }
    if (spec.limits().readOnlyRoot()) {
      cmd.add("--read-only");
    }
    cmd.add("--tmpfs=/tmp");
    if (!spec.placement().cpus().isEmpty()) {
      cmd.add("--cpuset-cpus=" + spec.placement().cpus());
    }
    for (Placement.Bind b : spec.placement().binds()) {
      cmd.add("--volume=" + b.source() + ":" + b.target() + ":ro");
    }
    cmd.add(image);
    return cmd;
  }
}
