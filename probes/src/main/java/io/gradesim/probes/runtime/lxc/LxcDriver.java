package io.gradesim.probes.runtime.lxc;

import io.gradesim.files.Sha256;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.Limits;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * LXC 5 (linuxcontainers.org, man lxc.container.conf(5)), network type {@code empty} (no lxcbr0
 * here): create = {@code lxc-create -t local} importing the xz rootfs tarball and a metadata
 * tarball whose config runs {@link Container#INIT}; start = {@code lxc-start -d}; exec = {@code
 * lxc-attach --clear-env}; stop = {@code lxc-stop -k}; remove = {@code lxc-destroy}; run = {@code
 * lxc-execute} on the cached root with a private /tmp.
 */
public final class LxcDriver implements RuntimeDriver {
  private static final String COMMON =
      """
      lxc.net.0.type = empty
      lxc.tty.max = 0
      lxc.pty.max = 8
      lxc.mount.auto = proc:mixed sys:ro
      lxc.mount.entry = tmpfs tmp tmpfs defaults,mode=1777 0 0
      lxc.autodev = 1
      """;
  private static final String META =
      COMMON + "lxc.init.cmd = " + String.join(" ", Container.INIT) + "\n";

  private Path fstree;
  private Path metadata;

  @Override
  public Availability availability() {
    Optional<String> tools =
        HostNeeds.tools(
            "lxc-create=lxc", "lxc-start=lxc", "lxc-attach=lxc", "xz=xz-utils", "tar=tar");
    return (tools.isPresent() ? Availability.unavailable(tools.get()) : version())
        .and(HostNeeds.busyboxImage());
  }

  private static Availability version() {
    try {
      return Availability.available(
          "lxc " + HostCommand.firstLine(List.of("lxc-create", "--version")));
    } catch (IOException e) {
      return Availability.unavailable(e.getMessage());
    }
  }

  @Override
  public void prepare(ImageStore images) throws IOException {
    fstree = images.tarballXz();
    metadata =
        images.cached(
            "lxc-meta-" + sha(META) + ".tar.xz",
            tmp -> {
              Path d = Files.createDirectories(Path.of(tmp + ".d"));
              Files.writeString(d.resolve("config"), META);
              HostCommand.check(
                  List.of("tar", "-C", d.toString(), "-cJf", tmp.toString(), "config"));
              HostCommand.quietly(List.of("rm", "-rf", d.toString()));
            });
  }

  @Override
  public Container create(ContainerSpec spec) throws IOException {
    Path conf = spec.dir().resolve("lxc.conf");
    Files.writeString(conf, limits(spec.limits()));
    HostCommand.check(
        List.of(
            "lxc-create",
            "-n",
            spec.name(),
            "-f",
            conf.toString(),
            "-t",
            "local",
            "--",
            "--fstree",
            fstree.toString(),
            "--metadata",
            metadata.toString()));
    return new Container(spec);
  }

  @Override
  public void start(Container c) throws IOException {
    HostCommand.check(List.of("lxc-start", "-n", c.name(), "-d"));
  }

  @Override
  public ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("lxc-attach", "-n", c.name(), "--clear-env", "--"));
    cmd.addAll(argv);
    return HostCommand.run(cmd, timeout);
  }

  @Override
  public void stop(Container c) throws IOException {
    HostCommand.check(List.of("lxc-stop", "-n", c.name(), "-k"));
  }

  @Override
  public void remove(Container c) throws IOException {
    HostCommand.check(List.of("lxc-destroy", "-n", c.name()));
  }

  @Override
  public ExecResult run(ContainerSpec spec, List<String> argv, Duration timeout)
      throws IOException {
    Path conf = spec.dir().resolve("run.conf");
    Files.writeString(
        conf,
        COMMON + limits(spec.limits()) + "lxc.rootfs.path = dir:" + spec.images().rootfs() + "\n");
    List<String> cmd =
        new ArrayList<>(List.of("lxc-execute", "-n", spec.name(), "-f", conf.toString(), "--"));
    cmd.addAll(argv);
    return HostCommand.run(cmd, timeout);
  }

  @Override
  public void cleanup(Predicate<String> labelled) {
    if (!HostCommand.onPath("lxc-ls")) {
      return;
    }
    for (String n :
        HostCommand.quietly(List.of("lxc-ls", "-1")).stdout().lines().map(String::strip).toList()) {
      if (n.contains(Label.PREFIX) && labelled.test(n)) {
        HostCommand.quietly(List.of("lxc-stop", "-n", n, "-k"));
        HostCommand.quietly(List.of("lxc-destroy", "-n", n, "--force"));
      }
    }
  }

  private static String limits(Limits l) {
    StringBuilder b = new StringBuilder();
    if (l.memoryMb() > 0) {
      b.append("lxc.cgroup.memory.limit_in_bytes = ").append(l.memoryMb()).append("M\n");
    }
    if (l.cpuSeconds() > 0) {
      b.append("lxc.prlimit.cpu = ").append(l.cpuSeconds()).append('\n');
    }
    if (l.readOnlyRoot()) {
      b.append("lxc.rootfs.options = ro\n");
    }
    return b.toString();
  }

  private static String sha(String s) {
    return Sha256.ofText(s).substring(0, 16);
  }
}
