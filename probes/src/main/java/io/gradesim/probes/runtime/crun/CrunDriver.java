package io.gradesim.probes.runtime.crun;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.oci.OciDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * crun (github.com/containers/crun), driven through the OCI command line: create = {@code crun
 * create --bundle B NAME}, start = {@code crun start}, exec = {@code crun exec}, stop = {@code crun
 * kill NAME KILL} and wait for the init, remove = {@code crun delete}, run = {@code crun run}. crun
 * refuses cgroup "hybrid mode" while cgroup v2 still owns a controller, which {@code
 * probes/host-setup.sh runtimes} fixes by mounting v1 hierarchies.
 */
public final class CrunDriver extends OciDriver {
  private static final Path UNIFIED = Path.of("/sys/fs/cgroup/unified/cgroup.controllers");

  /** The driver for the crun on the PATH. */
  public CrunDriver() {
    super("crun");
  }

  @Override
  protected Availability check(String version) {
    return hybridControllers()
        .map(
            c ->
                Availability.unavailable(
                    "cgroup v2 still owns controllers ("
                        + c
                        + "): crun refuses hybrid mode;"
                        + " run probes/host-setup.sh runtimes"))
        .orElse(Availability.available(version));
  }

  /** The controllers cgroup v2 owns on a hybrid host, when there are any. */
  public static java.util.Optional<String> hybridControllers() {
    try {
      String c = Files.isReadable(UNIFIED) ? Files.readString(UNIFIED).strip() : "";
      return c.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(c);
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
