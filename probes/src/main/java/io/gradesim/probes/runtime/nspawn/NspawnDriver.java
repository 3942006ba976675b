package io.gradesim.probes.runtime.nspawn;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Capability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.launcher.LauncherDriver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * systemd-nspawn (man systemd-nspawn(1)) without a running systemd, so {@code --register=no
 * --keep-unit} (and its {@code --property} limits are ignored: no memory limit): create = make the
 * working directory; start = {@code systemd-nspawn -q --register=no --keep-unit --private-network
 * -D ROOT --tmpfs=/tmp [--read-only] sleep}; exec = nsenter into it; stop = SIGKILL its init;
 * remove = delete the directory. Several containers share one root, so the directory lock is off
 * ({@code SYSTEMD_NSPAWN_LOCK=0}).
 */
public final class NspawnDriver extends LauncherDriver {

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.CPU_TIME_LIMIT, Capability.READ_ONLY_ROOT);
  }

  @Override
  public Availability availability() {
    return Availability.ofCommand(
            "systemd-nspawn", "systemd-nspawn is not installed (Debian package systemd-container)")
        .and(HostNeeds.tools("nsenter=util-linux"))
        .and(HostNeeds.busyboxImage());
  }

  @Override
  protected List<String> launcher(Container c, List<String> argv) throws IOException {
    ContainerSpec spec = c.spec();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "env",
                "SYSTEMD_NSPAWN_LOCK=0",
                "systemd-nspawn",
                "-q",
                "--register=no",
                "--keep-unit",
                "--private-network",
                "--machine=" + spec.name().substring(Math.max(0, spec.name().length() - 60)),
                "-D",
                spec.images().rootfs().toString(),
                "--tmpfs=/tmp"));
    if (spec.limits().readOnlyRoot()) {
      cmd.add("--read-only");
    }
    if (spec.limits().cpuSeconds() > 0) {
      cmd.add("--rlimit=RLIMIT_CPU=" + spec.limits().cpuSeconds());
    }
    cmd.add("--");
    cmd.addAll(argv);
    return cmd;
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    // Without systemd nothing is registered; its processes die with their init.
  }
}
