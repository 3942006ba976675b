package io.gradesim.probes.runtime.oci;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The OCI runtime command line shared by runc, crun and runsc. Stages: create = write the bundle
 * and {@code <rt> create --bundle B --pid-file P NAME}; start = {@code <rt> start NAME}; exec =
 * {@code <rt> exec NAME ARGV}; stop = {@code <rt> kill NAME KILL} and wait until the init has
 * exited; remove = {@code <rt> delete NAME}; run = {@code <rt> run --bundle B NAME}.
 */
public abstract class OciDriver implements RuntimeDriver {
  /** Whether {@code taskset} (util-linux) is here, looked up once. */
  private static final boolean TASKSET = HostCommand.onPath("taskset");

  private final String binary;

  /** A driver for the OCI runtime {@code binary}. */
  protected OciDriver(String binary) {
    this.binary = binary;
  }

  /** The command prefix: the binary and its global options. */
  protected List<String> cli() {
    return List.of(binary);
  }

  @Override
  public Availability availability() {
    return binaryAvailability().and(HostNeeds.busyboxImage()).and(HostNeeds.cgroupDelegation());
  }

  private Availability binaryAvailability() {
    if (!HostCommand.onPath(binary)) {
      return Availability.unavailable(binary + " is not installed (Debian package " + binary + ")");
    }
    try {
      return check(HostCommand.firstLine(List.of(binary, "--version")));
    } catch (IOException e) {
      return Availability.unavailable(e.getMessage());
    }
  }

  /** Turns the version line into an availability, refusing known host problems. */
  protected Availability check(String version) {
    return Availability.available(version);
  }

  @Override
  public Container create(ContainerSpec spec) throws IOException {
    Path bundle = OciBundle.write(spec, Container.INIT);
    Path pidFile = spec.dir().resolve("init.pid");
    Container c = new Container(spec);
    must(
        on(
            spec,
            with(
                "create",
                "--bundle",
                bundle.toString(),
                "--pid-file",
                pidFile.toString(),
                spec.name())));
    c.pid(Long.parseLong(Files.readString(pidFile).strip()));
    return c;
  }

  @Override
  public void start(Container c) throws IOException {
    must(on(c.spec(), with("start", c.name())));
  }

  @Override
  public ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException {
    if (c.spec().limits().cpuSeconds() > 0) {
      // A plain exec does not apply config.json's rlimits in every runtime (crun, runsc): hand
      // over the whole process, rlimits included, as the OCI command line allows.
      Path process = OciBundle.writeProcess(c.spec(), "exec-" + System.nanoTime() + ".json", argv);
      return HostCommand.run(
          on(c.spec(), with("exec", "--process", process.toString(), c.name())), timeout);
    }
    List<String> cmd = with("exec", c.name());
    cmd.addAll(argv);
    return HostCommand.run(on(c.spec(), cmd), timeout);
  }

  @Override
  public void stop(Container c) throws IOException {
    must(on(c.spec(), with("kill", c.name(), "KILL")));
    awaitExit(c);
  }

  /** Waits until the container's init has exited (a zombie or gone from /proc). */
  protected void awaitExit(Container c) throws IOException {
    c.awaitInitExit();
  }

  @Override
  public void remove(Container c) throws IOException {
    must(on(c.spec(), with("delete", c.name())));
  }

  @Override
  public ExecResult run(ContainerSpec spec, List<String> argv, Duration timeout)
      throws IOException {
    Path bundle = OciBundle.write(spec, argv);
    try {
      return HostCommand.run(with("run", "--bundle", bundle.toString(), spec.name()), timeout);
    } finally {
      HostCommand.quietly(with("delete", "--force", spec.name()));
    }
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    if (!HostCommand.onPath(binary)) {
      return;
    }
    ExecResult list = HostCommand.quietly(with("list", "-q"));
    for (String name : list.stdout().lines().map(String::strip).toList()) {
      if (!name.isEmpty() && labelled.test(name)) {
        HostCommand.quietly(with("delete", "--force", name));
      }
    }
  }

  /**
   * {@code cmd} run on the container's cpuset when its placement has one ({@code taskset -c}), so
   * that the runtime's own work for a container placed on an agent's cores stays on those cores, as
   * it would on an agent machine of that size; {@code cmd} itself otherwise.
   */
  protected static List<String> on(ContainerSpec spec, List<String> cmd) {
    String cpus = spec.placement().cpus();
    if (cpus.isEmpty() || !TASKSET) {
      return cmd;
    }
    List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus));
    pinned.addAll(cmd);
    return pinned;
  }

  /** The command line {@code cli() + args}, as a mutable list. */
  protected List<String> with(String... args) {
    List<String> cmd = new ArrayList<>(cli());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs {@code cmd}; an IOException with the runtime's message when it fails. */
  protected static void must(List<String> cmd) throws IOException {
    ExecResult r = HostCommand.run(cmd);
    if (!r.ok()) {
      throw new IOException(String.join(" ", cmd) + ": " + r.describe());
    }
  }
}
