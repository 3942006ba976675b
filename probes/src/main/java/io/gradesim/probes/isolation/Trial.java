package io.gradesim.probes.isolation;

import io.gradesim.probes.cleanup.Janitor;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * One real attempt inside a fresh container: create with the limits, start, exec the command with a
 * timeout, then stop and remove whatever happened (the wall-time check relies on this stop to end a
 * payload that overran).
 */
final class Trial {
  private final RuntimeDriver driver;
  private final ImageStore images;
  private final Janitor janitor;

  Trial(RuntimeDriver driver, ImageStore images, Janitor janitor) {
    this.driver = driver;
    this.images = images;
    this.janitor = janitor;
  }

  /** What an attempt gave: the payload's result and whether the container stopped cleanly. */
  record Outcome(ExecResult result, boolean stopped, String stopError, long oomKills) {}

  /**
   * The kernel's OOM-kill count of the cgroup v1 memory cgroup named after the container, where the
   * runtime made one (runc, crun and runsc name it from the bundle's cgroupsPath), else 0.
   */
  static long oomKills(String name) {
    try {
      for (String line :
          Files.readAllLines(
              java.nio.file.Path.of("/sys/fs/cgroup/memory", name, "memory.oom_control"))) {
        if (line.startsWith("oom_kill ")) {
          return Long.parseLong(line.substring(9).strip());
        }
      }
    } catch (IOException | RuntimeException none) {
      // no such cgroup: no evidence either way
    }
    return 0;
  }

  /** Runs {@code argv} in a container with {@code limits}, at most {@code timeout}. */
  Outcome attempt(Limits limits, List<String> argv, Duration timeout) throws IOException {
    if (!janitor.enter()) {
      throw new IOException("probe interrupted");
    }
    String name = Label.next("iso");
    ContainerSpec spec =
        new ContainerSpec(
            name, Files.createDirectory(janitor.scratch().resolve(name)), images, limits);
    Container c = null;
    try {
      c = driver.create(spec);
      driver.start(c);
      ExecResult r = driver.exec(c, argv, timeout);
      long oomKills = oomKills(name);
      String stopError = "";
      try {
        driver.stop(c);
      } catch (IOException e) {
        stopError = e.getMessage();
      }
      driver.remove(c);
      c = null;
      return new Outcome(r, stopError.isEmpty(), stopError, oomKills);
    } finally {
      if (c != null) {
        driver.discard(c);
      }
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", spec.dir().toString()));
      janitor.exit();
    }
  }
}
