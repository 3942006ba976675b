package io.gradesim.probes.runtime.runsc;

import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.oci.OciDriver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * runsc (gvisor.dev), Debian's 2022 build, which works here only with {@code --platform=ptrace} and
 * {@code --network=none}: create = {@code runsc create} (starts the sandbox and its gofer), start =
 * {@code runsc start}, exec = {@code runsc exec}, stop = {@code runsc kill NAME KILL} and poll
 * {@code runsc state} until stopped (the pid file names the sandbox, which outlives the container's
 * init), remove = {@code runsc delete} (about 1.3 s here), run = {@code runsc run}.
 */
public final class RunscDriver extends OciDriver {
  /** The driver for the runsc on the PATH. */
  public RunscDriver() {
    super("runsc");
  }

  @Override
  protected List<String> cli() {
    return List.of("runsc", "--platform=ptrace", "--network=none");
  }

  @Override
  protected void awaitExit(Container c) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      String state = HostCommand.run(with("state", c.name())).stdout();
      if (state.contains("\"stopped\"")) {
        return;
      }
      LockSupport.parkNanos(2_000_000);
    }
    throw new IOException(c.name() + ": runsc container not stopped 30 s after KILL");
  }
}
