package io.gradesim.probes.runtime.unshare;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.launcher.LauncherDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A container made of util-linux {@code unshare} (man unshare(1)): create = make a cgroup (memory
 * limit) and bind-mount the cached root at a labelled path (read-only when asked) with private
 * tmpfs on /tmp and /dev (null, zero, full, random, urandom, tty); start = {@code unshare --pid
 * --fork --kill-child --mount --net --ipc --uts --root R --mount-proc sleep} entered into the
 * cgroup first; exec = nsenter into it (also in the cgroup); stop = SIGKILL its pid 1; remove =
 * unmount and remove the cgroup.
 */
public final class UnshareDriver extends LauncherDriver {
  /** Writes its own pid into each cgroup given, then execs the rest: a constant script. */
  private static final String ENTER =
      "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1/cgroup.procs\" || exit 125;"
          + " shift; n=$((n - 1)); done; exec \"$@\"";

  private static final List<String> DEVICES =
      List.of("null", "zero", "full", "random", "urandom", "tty");

  @Override
  public Availability availability() {
    return Availability.ofCommand("unshare", "unshare missing (Debian package util-linux)")
        .and(HostNeeds.tools("nsenter=util-linux", "mount=mount", "umount=mount", "cp=coreutils"))
        .and(HostNeeds.busyboxImage())
        .and(HostNeeds.cgroupDelegation());
  }

  @Override
  public Container create(ContainerSpec spec) throws IOException {
    Cgroup cg = Cgroup.create(spec.name(), spec.limits().memoryMb());
    Files.writeString(
        spec.dir().resolve("cgroups"),
        String.join("\n", cg.dirs().stream().map(Path::toString).toList()));
    Path root = Files.createDirectory(spec.dir().resolve("root"));
    String rootfs = spec.images().rootfs().toString();
    HostCommand.check(List.of("mount", "--bind", rootfs, root.toString()));
    if (spec.limits().readOnlyRoot()) {
      HostCommand.check(List.of("mount", "-o", "remount,bind,ro", root.toString()));
    }
    HostCommand.check(
        List.of(
            "mount", "-t", "tmpfs", "-o", "mode=1777", "tmpfs", root.resolve("tmp").toString()));
    // A private /dev holding only the harmless character devices (cp -a recreates the nodes).
    HostCommand.check(
        List.of(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "mode=755,nosuid",
            "tmpfs",
            root.resolve("dev").toString()));
    List<String> devices = new ArrayList<>(List.of("cp", "-a"));
    for (String dev : DEVICES) {
      devices.add("/dev/" + dev);
    }
    devices.add(root.resolve("dev").toString());
    HostCommand.check(devices);
    return new Container(spec);
  }

  @Override
  protected List<String> launcher(Container c, List<String> argv) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "unshare",
                "--pid",
                "--fork",
                "--kill-child",
                "--mount",
                "--net",
                "--ipc",
                "--uts",
                "--root=" + c.spec().dir().resolve("root"),
                "--wd=/",
                "--mount-proc",
                "--"));
    cmd.addAll(argv);
    return cmd;
  }

  @Override
  protected List<String> prefix(ContainerSpec spec) {
    try {
      List<String> dirs = Files.readAllLines(spec.dir().resolve("cgroups"));
      List<String> cmd =
          new ArrayList<>(
              List.of("/bin/sh", "-c", ENTER, "gradesim-enter", Integer.toString(dirs.size())));
      cmd.addAll(dirs);
      return cmd;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void remove(Container c) throws IOException {
    Path root = c.spec().dir().resolve("root");
    HostCommand.check(List.of("umount", root.resolve("dev").toString()));
    HostCommand.check(List.of("umount", root.resolve("tmp").toString()));
    HostCommand.check(List.of("umount", root.toString()));
    Files.delete(root);
    for (String d : Files.readAllLines(c.spec().dir().resolve("cgroups"))) {
      Files.deleteIfExists(Path.of(d));
    }
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    // Mounts and cgroups carry the label in their paths: the host sweep removes them.
  }
}
