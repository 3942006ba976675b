package io.gradesim.probes.runtime.rootless;

import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Capability;
import io.gradesim.probes.runtime.Container;
import io.gradesim.probes.runtime.ContainerSpec;
import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.HostNeeds;
import io.gradesim.probes.runtime.Label;
import io.gradesim.probes.runtime.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * After the seed thesis' prototype (LEPL2990, 2020, "Contingious": rootless crun, a copy of the
 * image's writable part, the rest of the image bound read-only), run as the {@link RootlessUser}.
 * prepare = bind-mount the image's root read-only into a labelled folder the user can reach (the
 * image cache may lie where it cannot); create = copy the writable part (every top-level entry but
 * the directories {@code usr}, {@code bin}, {@code sbin}, {@code lib*}, which are bound read-only)
 * into the container's folder, give the copy to the user, write the bundle ({@link
 * PrototypeBundle}) and {@code crun create}; start = {@code crun start}; exec = {@code crun exec};
 * stop = {@code crun kill KILL} and wait for the init; remove = {@code crun delete} and remove the
 * copy; run = {@code crun run}. Every crun command is {@code crun --root STATE
 * --cgroup-manager=disabled} as the user: no cgroups, so no memory limit.
 */
public final class PrototypeDriver implements RuntimeDriver {
  /** The image's directories bound read-only rather than copied. */
  static final Set<String> READ_ONLY =
      Set.of("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32");

  private volatile RootlessUser user;
  private volatile Path base;
  private volatile List<String> writable;
  private volatile List<String> readOnly;

  @Override
  public Availability availability() {
    return Availability.ofCommand("crun", "crun is not installed (Debian package crun)")
        .and(HostNeeds.tools("cp=coreutils", "mount=mount", "umount=mount"))
        .and(HostNeeds.busyboxImage())
        .and(RootlessUser.missing());
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.CPU_TIME_LIMIT, Capability.READ_ONLY_ROOT);
  }

  @Override
  public void prepare(ImageStore images) throws IOException {
    RootlessUser u =
        RootlessUser.find()
            .orElseThrow(() -> new IOException("user " + RootlessUser.NAME + " missing"));
    Path src = images.rootfs();
    Path b =
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), Label.next("pt")));
    base = b;
    u.own(b, b.resolve("state"), b.resolve("containers"), b.resolve("run"), b.resolve("home"));
    Path image = Files.createDirectories(b.resolve("image"));
    HostCommand.check(List.of("mount", "--bind", src.toString(), image.toString()));
    try {
      HostCommand.check(List.of("mount", "-o", "remount,bind,ro", image.toString()));
    } catch (IOException e) {
      // Never leave the cache bound writable where a sweep removes folders.
      HostCommand.quietly(List.of("umount", "-l", image.toString()));
      throw e;
    }
    List<String> w = new ArrayList<>();
    List<String> r = new ArrayList<>();
    try (Stream<Path> top = Files.list(src)) {
      for (Path p : top.sorted().toList()) {
        String name = p.getFileName().toString();
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        (dir && READ_ONLY.contains(name) ? r : w).add(name);
      }
    }
    writable = List.copyOf(w);
    readOnly = List.copyOf(r);
    user = u;
  }

  @Override
  public Container create(ContainerSpec spec) throws IOException {
    Path bundle = bundle(spec, Container.INIT);
    Container c = new Container(spec);
    Path pid = bundle.resolve("init.pid");
    crun("create", "--bundle", bundle.toString(), "--pid-file", pid.toString(), spec.name());
    c.pid(Long.parseLong(Files.readString(pid).strip()));
    return c;
  }

  /** The container's folder with its copied layer and config.json running {@code args}. */
  private Path bundle(ContainerSpec spec, List<String> args) throws IOException {
    Path image = base.resolve("image");
    Path bundle = Files.createDirectory(base.resolve("containers").resolve(spec.name()));
    Path layer = Files.createDirectory(bundle.resolve("rootfs"));
    List<String> copy = new ArrayList<>(List.of("cp", "-a", "--one-file-system"));
    writable.forEach(w -> copy.add(image.resolve(w).toString()));
    copy.add(layer + "/");
    if (!writable.isEmpty()) {
      HostCommand.check(copy);
    }
    for (String r : readOnly) {
      Files.createDirectories(layer.resolve(r));
    }
    HostCommand.check(List.of("chown", "-R", user.uid() + ":" + user.gid(), bundle.toString()));
    PrototypeBundle.write(
        bundle, layer, image, readOnly, spec.placement().binds(), user, args, spec.limits());
    return bundle;
  }

  @Override
  public void start(Container c) throws IOException {
    crun("start", c.name());
  }

  @Override
  public ExecResult exec(Container c, List<String> argv, Duration timeout) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("exec"));
    if (c.spec().limits().cpuSeconds() > 0) {
      // crun applies config.json's rlimits to the init only: hand over the whole process.
      Path process = base.resolve("containers").resolve(c.name()).resolve("exec.json");
      PrototypeBundle.writeProcess(process, argv, c.spec().limits());
      cmd.addAll(List.of("--process", process.toString(), c.name()));
    } else {
      cmd.add(c.name());
      cmd.addAll(argv);
    }
    return execute(cmd, timeout);
  }

  @Override
  public void stop(Container c) throws IOException {
    crun("kill", c.name(), "KILL");
    c.awaitInitExit();
  }

  @Override
  public void remove(Container c) throws IOException {
    crun("delete", c.name());
    removeCopy(c.name());
  }

  @Override
  public ExecResult run(ContainerSpec spec, List<String> argv, Duration timeout)
      throws IOException {
    Path bundle = bundle(spec, argv);
    try {
      return execute(List.of("run", "--bundle", bundle.toString(), spec.name()), timeout);
    } finally {
      quietly(List.of("delete", "--force", spec.name()));
      removeCopy(spec.name());
    }
  }

  private void removeCopy(String name) {
    Path dir = base.resolve("containers").resolve(name);
    HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", dir.toString()));
  }

  /**
   * Deletes the containers of every prototype folder {@code labelled} accepts (this probe's, or a
   * crashed probe's found in the temporary directory), kills the user's processes so labelled,
   * unmounts the image and removes the folder.
   */
  @Override
  public void cleanup(Predicate<String> labelled) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> entries = Files.list(tmp)) {
      entries
          .filter(p -> p.getFileName().toString().startsWith(Label.PREFIX))
          .filter(p -> p.getFileName().toString().matches(".*-pt\\d+$"))
          .filter(p -> labelled.test(p.getFileName().toString()))
          .forEach(folders::add);
    } catch (IOException e) {
      // no temporary directory: nothing of ours there
    }
    Path own = base;
    if (own != null && labelled.test(own.toString()) && !folders.contains(own)) {
      folders.add(own);
    }
    RootlessUser u = RootlessUser.find().orElse(null);
    for (Path folder : folders) {
      if (u != null) {
        Path state = folder.resolve("state");
        String names = quietly(u, folder, List.of("--root", state.toString(), "list", "-q"));
        for (String n : names.lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
          quietly(u, folder, List.of("--root", state.toString(), "delete", "--force", n));
        }
      }
    }
    if (u != null) {
      u.kill(labelled);
    }
    for (Path folder : folders) {
      HostCommand.quietly(List.of("umount", "-l", folder.resolve("image").toString()));
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", folder.toString()));
      if (folder.equals(own)) {
        base = null;
      }
    }
  }

  private void crun(String... args) throws IOException {
    List<String> cmd = List.of(args);
    ExecResult r = execute(cmd, HostCommand.DEFAULT_TIMEOUT);
    if (!r.ok()) {
      throw new IOException("crun " + String.join(" ", cmd) + ": " + r.describe());
    }
  }

  private ExecResult execute(List<String> args, Duration timeout) throws IOException {
    Path b = base;
    List<String> cmd =
        new ArrayList<>(
            List.of("crun", "--root", b.resolve("state").toString(), "--cgroup-manager=disabled"));
    cmd.addAll(args);
    return HostCommand.run(
        user.as(cmd),
        timeout,
        b,
        user.environment(b.resolve("home"), b.resolve("run"), b.resolve("run")),
        null);
  }

  private String quietly(List<String> args) {
    try {
      return execute(args, Duration.ofSeconds(30)).stdout();
    } catch (IOException e) {
      return "";
    }
  }

  private static String quietly(RootlessUser u, Path folder, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("crun"));
    cmd.addAll(args);
    try {
      return HostCommand.run(
              u.as(cmd),
              Duration.ofSeconds(30),
              folder,
              u.environment(folder.resolve("home"), folder.resolve("run"), folder.resolve("run")),
              null)
          .stdout();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public String cleanupScope() {
    return getClass().getName();
  }
}
