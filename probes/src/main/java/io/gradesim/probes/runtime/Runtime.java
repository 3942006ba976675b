package io.gradesim.probes.runtime;

import io.gradesim.probes.runtime.bwrap.BwrapDriver;
import io.gradesim.probes.runtime.crun.CrunDriver;
import io.gradesim.probes.runtime.docker.DockerDriver;
import io.gradesim.probes.runtime.lxc.LxcDriver;
import io.gradesim.probes.runtime.nspawn.NspawnDriver;
import io.gradesim.probes.runtime.podman.PodmanDriver;
import io.gradesim.probes.runtime.process.ProcessDriver;
import io.gradesim.probes.runtime.qemu.QemuDriver;
import io.gradesim.probes.runtime.rootless.PrototypeDriver;
import io.gradesim.probes.runtime.rootless.RootlessPodmanDriver;
import io.gradesim.probes.runtime.runc.RuncDriver;
import io.gradesim.probes.runtime.runsc.RunscDriver;
import io.gradesim.probes.runtime.unshare.UnshareDriver;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The runtimes gradesim can probe: one line per driver. */
public enum Runtime {
  PROCESS("process", ProcessDriver::new),
  UNSHARE("unshare", UnshareDriver::new),
  BWRAP("bwrap", BwrapDriver::new),
  NSPAWN("nspawn", NspawnDriver::new),
  RUNC("runc", RuncDriver::new),
  CRUN("crun", CrunDriver::new),
  RUNSC("runsc", RunscDriver::new),
  PODMAN_CRUN("podman-crun", () -> new PodmanDriver("crun")),
  PODMAN_RUNC("podman-runc", () -> new PodmanDriver("runc")),
  PODMAN_CRUN_ROOTLESS("podman-crun-rootless", () -> new RootlessPodmanDriver("crun", "")),
  DOCKER_RUNC("docker-runc", () -> new DockerDriver("runc")),
  DOCKER_CRUN("docker-crun", () -> new DockerDriver("crun")),
  DOCKER_RUNSC("docker-runsc", () -> new DockerDriver("runsc")),
  LXC("lxc", LxcDriver::new),
  QEMU("qemu", QemuDriver::new),
  PROTOTYPE("prototype", PrototypeDriver::new);

  private final String label;
  private final Supplier<RuntimeDriver> factory;

  Runtime(String label, Supplier<RuntimeDriver> factory) {
    this.label = label;
    this.factory = factory;
  }

  /** The name used on the command line and in results. */
  public String label() {
    return label;
  }

  /** A new driver for this runtime. */
  public RuntimeDriver driver() {
    return factory.get();
  }

  /** The runtime named {@code label}, or an IllegalArgumentException listing the known ones. */
  public static Runtime of(String label) {
    for (Runtime r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown runtime '"
            + label
            + "' (known: "
            + Arrays.stream(values()).map(Runtime::label).collect(Collectors.joining(", "))
            + ")");
  }

  /** The runtimes named in a comma-separated list. */
  public static List<Runtime> parse(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(Runtime::of)
        .distinct()
        .toList();
  }
}
