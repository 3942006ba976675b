package io.gradesim.probes.runtime.bwrap;

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
 * bubblewrap (github.com/containers/bubblewrap), which has no container object: create = make the
 * private working directory; start = {@code bwrap --unshare-all --die-with-parent --(ro-)bind ROOT
 * / --proc /proc --dev /dev --tmpfs /tmp sleep}; exec = nsenter into that sandbox; stop = SIGKILL
 * its init; remove = delete the directory; run = bwrap running the payload. It has no memory or
 * cgroup option; the CPU-time limit is an inherited RLIMIT_CPU.
 */
public final class BwrapDriver extends LauncherDriver {

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.CPU_TIME_LIMIT, Capability.READ_ONLY_ROOT);
  }

  @Override
  public Availability availability() {
    return Availability.ofCommand("bwrap", "bwrap is not installed (Debian package bubblewrap)")
        .and(HostNeeds.tools("nsenter=util-linux"))
        .and(HostNeeds.busyboxImage());
  }

  @Override
  protected List<String> launcher(Container c, List<String> argv) throws IOException {
    ContainerSpec spec = c.spec();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "bwrap",
                "--unshare-all",
                "--die-with-parent",
                spec.limits().readOnlyRoot() ? "--ro-bind" : "--bind",
                spec.images().rootfs().toString(),
                "/",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--tmpfs",
                "/tmp",
                "--chdir",
                "/",
                "--"));
    cmd.addAll(argv);
    return cmd;
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    // Its sandboxes die with their launcher (--die-with-parent); nothing else outlives them.
  }
}
