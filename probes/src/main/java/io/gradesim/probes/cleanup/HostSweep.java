package io.gradesim.probes.cleanup;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes labelled objects that live on the host rather than in a runtime: mounts (deepest first,
 * lazily), cgroups in every hierarchy (children first), network namespaces, and scratch folders and
 * files in the temporary directory.
 */
public final class HostSweep {
  private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

  private HostSweep() {}

  /** Removes every host object whose label {@code labelled} accepts. */
  public static void sweep(Predicate<String> labelled) {
    stopDaemons(labelled);
    unmount(labelled);
    removeCgroups(labelled);
    removeNetns(labelled);
    removeTemp(labelled);
  }

  /** The labelled mount points in this mount namespace. */
  public static List<String> mounts(Predicate<String> labelled) {
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String point = line.split(" ")[4];
        if (point.contains(Label.PREFIX) && labelled.test(point)) {
          out.add(point);
        }
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(Comparator.comparingInt(String::length).reversed());
    return out;
  }

  /** The labelled cgroup directories, in every hierarchy, deepest first. */
  public static List<Path> cgroups(Predicate<String> labelled) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> hierarchies = Files.list(CGROUPS)) {
      for (Path h : hierarchies.filter(Files::isDirectory).toList()) {
        try (Stream<Path> all = Files.walk(h, 4)) {
          all.filter(Files::isDirectory)
              .filter(p -> p.getFileName().toString().contains(Label.PREFIX))
              .filter(p -> labelled.test(p.getFileName().toString()))
              .forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
          // a cgroup vanished while walking: nothing to remove there
        }
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    return out;
  }

  /**
   * Stops the private dockerd (and its containerd) of a crashed probe's storage driver: processes
   * named dockerd or containerd whose arguments hold a label (their data root), TERM then KILL.
   */
  private static void stopDaemons(Predicate<String> labelled) {
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .forEach(
            p -> {
              String comm = p.info().command().orElse("");
              String args = String.join(" ", p.info().arguments().orElse(new String[0]));
              boolean daemon = comm.endsWith("/dockerd") || comm.endsWith("/containerd");
              if (daemon && args.contains(Label.PREFIX) && labelled.test(args)) {
                found.add(p);
              }
            });
    found.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : found) {
      try {
        p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }

  private static void unmount(Predicate<String> labelled) {
    for (String point : mounts(labelled)) {
      HostCommand.quietly(List.of("umount", "-l", point));
    }
  }

  private static void removeCgroups(Predicate<String> labelled) {
    for (Path cg : cgroups(labelled)) {
      killMembers(cg);
      try (Stream<Path> sub = Files.walk(cg)) {
        // rmdir works only on empty cgroups, so children go first.
        for (Path p :
            sub.filter(Files::isDirectory)
                .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                .toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // still has processes (a runtime is removing them) or already gone
      }
    }
  }

  /** SIGKILLs the processes left in a cgroup (e.g. an init orphaned by a crashed probe). */
  private static void killMembers(Path cg) {
    try {
      for (String pid : Files.readAllLines(cg.resolve("cgroup.procs"))) {
        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
      }
      LockSupport.parkNanos(50_000_000);
    } catch (IOException | RuntimeException e) {
      // no such file or no members: nothing to kill
    }
  }

  private static void removeNetns(Predicate<String> labelled) {
    if (!HostCommand.onPath("ip")) {
      return;
    }
    String list = HostCommand.quietly(List.of("ip", "netns", "list")).stdout();
    for (String line : list.lines().toList()) {
      String name = line.split(" ")[0];
      if (name.contains(Label.PREFIX) && labelled.test(name)) {
        HostCommand.quietly(List.of("ip", "netns", "delete", name));
      }
    }
  }

  private static void removeTemp(Predicate<String> labelled) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> entries = Files.list(tmp)) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(Label.PREFIX) && labelled.test(name)) {
          HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", p.toString()));
        }
      }
    } catch (IOException e) {
      // no temporary directory: nothing of ours there
    }
  }
}
