package io.gradesim.probes.runtime.process;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Capability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * No container at all: create = make a private working directory, start = fork/exec the
 * long-running init ({@code sleep}) on the host, exec = fork/exec the payload and wait, stop =
 * SIGKILL the init and reap it, remove = delete the directory. A CPU-time limit is applied with
 * {@code prlimit --cpu}; memory, network, pid and read-only root are not isolated at all.
 */
public final class ProcessDriver implements RuntimeDriver {

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.CPU_TIME_LIMIT);
  }

  @Override
  public Availability availability() {
    return Availability.available(
        "fork/exec, " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  @Override
  public Container create(ContainerSpec spec) throws IOException {
    Files.createDirectories(spec.dir().resolve("work"));
    return new Container(spec);
  }

  @Override
  public void start(Container c) throws IOException {
    Process p = HostCommand.spawn(Container.INIT);
    c.process(p);
    c.pid(p.pid());
  }

  @Override
  public ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException {
    return HostCommand.run(limited(c.spec(), argv), timeout, c.spec().dir().resolve("work"));
  }

  @Override
  public void stop(Container c) {
    HostCommand.kill(c.process());
  }

  @Override
  public void remove(Container c) throws IOException {
    Files.delete(c.spec().dir().resolve("work"));
  }

  @Override
  public ExecResult run(ContainerSpec spec, List<String> argv, Duration timeout)
      throws IOException {
    Files.createDirectories(spec.dir().resolve("work"));
    try {
      return HostCommand.run(limited(spec, argv), timeout, spec.dir().resolve("work"));
    } finally {
      Files.deleteIfExists(spec.dir().resolve("work"));
    }
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    // Nothing outside the probe's scratch directory, which the probe itself removes.
  }

  private static List<String> limited(ContainerSpec spec, List<String> argv) {
    if (spec.limits().cpuSeconds() == 0) {
      return argv;
    }
    List<String> cmd = new ArrayList<>(List.of("prlimit", "--cpu=" + spec.limits().cpuSeconds()));
    cmd.addAll(argv);
    return cmd;
  }
}
