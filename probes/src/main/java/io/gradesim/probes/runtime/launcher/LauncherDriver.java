package io.gradesim.probes.runtime.launcher;

import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A runtime that is one launcher process: start = spawn the launcher running {@link Container#INIT}
 * and wait until that init has been exec'd inside it; exec = {@code nsenter --target INIT --all
 * --root --wd ARGV}; stop = SIGKILL the init (pid 1 of its namespace, so everything in it dies) and
 * reap the launcher; run = the launcher running the payload.
 */
public abstract class LauncherDriver implements RuntimeDriver {

  /** The launcher command running {@code argv} as the container's first program. */
  protected abstract List<String> launcher(Container c, List<String> argv) throws IOException;

  /** Creates the container's working folder; the launcher makes the sandbox at start. */
  @Override
  public Container create(ContainerSpec spec) throws IOException {
    Files.createDirectory(spec.dir().resolve("work"));
    return new Container(spec);
  }

  /** Deletes the working folder {@link #create} made. */
  @Override
  public void remove(Container c) throws IOException {
    Files.delete(c.spec().dir().resolve("work"));
  }

  /** A prefix put before the launcher and before nsenter (e.g. to enter cgroups); none here. */
  protected List<String> prefix(ContainerSpec spec) {
    return List.of();
  }

  @Override
  public void start(Container c) throws IOException {
    Process p = HostCommand.spawn(join(prefix(c.spec()), launcher(c, Container.INIT)));
    c.process(p);
    c.pid(awaitInit(p));
  }

  @Override
  public ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException {
    List<String> cmd = new ArrayList<>(prefix(c.spec()));
    cmd.addAll(
        List.of("nsenter", "--target", Long.toString(c.pid()), "--all", "--root", "--wd", "--"));
    cmd.addAll(argv);
    return HostCommand.run(cpuLimited(c.spec(), cmd), timeout);
  }

  @Override
  public void stop(Container c) throws IOException {
    ProcessHandle.of(c.pid()).ifPresent(ProcessHandle::destroyForcibly);
    try {
      if (!c.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new IOException(c.name() + ": launcher still running 30 s after its init was killed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      HostCommand.kill(c.process());
      throw new IOException("interrupted while stopping " + c.name(), e);
    }
  }

  @Override
  public ExecResult run(ContainerSpec spec, List<String> argv, Duration timeout)
      throws IOException {
    Container c = create(spec);
    try {
      return HostCommand.run(cpuLimited(spec, join(prefix(spec), launcher(c, argv))), timeout);
    } finally {
      remove(c);
    }
  }

  /** {@code cmd} under {@code prlimit --cpu=N} when a CPU-time limit is asked. */
  protected static List<String> cpuLimited(ContainerSpec spec, List<String> cmd) {
    if (spec.limits().cpuSeconds() == 0) {
      return cmd;
    }
    return join(List.of("prlimit", "--cpu=" + spec.limits().cpuSeconds(), "--"), cmd);
  }

  /** Two command parts as one mutable list. */
  protected static List<String> join(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The host pid of the launcher's descendant that has exec'd the init, waiting up to 30 s. */
  private static long awaitInit(Process launcher) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> init =
          launcher.descendants().filter(LauncherDriver::isInit).findFirst();
      if (init.isPresent()) {
        return init.get().pid();
      }
      if (!launcher.isAlive()) {
        throw new IOException(
            "launcher exited with code " + launcher.exitValue() + " before its init started");
      }
      LockSupport.parkNanos(200_000);
    }
    HostCommand.kill(launcher);
    throw new IOException("init not started 30 s after the launcher");
  }

  private static boolean isInit(ProcessHandle h) {
    try {
      String cmdline = Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
      return cmdline.equals(String.join("\0", Container.INIT) + "\0");
    } catch (IOException gone) {
      return false;
    }
  }
}
