package io.gradesim.probes.runtime.unshare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled cgroup made by hand: in the v1 {@code memory} and {@code pids} hierarchies on a v1 or
 * hybrid host, or one directory on a pure v2 host. Processes enter it by writing their pid to
 * {@code cgroup.procs} (see the kernel's Documentation/admin-guide/cgroup-v1 and cgroup-v2).
 */
final class Cgroup {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  private final List<Path> dirs;

  private Cgroup(List<Path> dirs) {
    this.dirs = dirs;
  }

  /** Creates the cgroup {@code name} with a memory limit in MiB (0: none). */
  static Cgroup create(String name, int memoryMb) throws IOException {
    List<Path> dirs = new ArrayList<>();
    if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
      Path d = Files.createDirectory(ROOT.resolve(name));
      dirs.add(d);
      if (memoryMb > 0) {
        Files.writeString(d.resolve("memory.max"), (memoryMb * 1024L * 1024L) + "\n");
        Files.writeString(d.resolve("memory.swap.max"), "0\n");
      }
    } else {
      for (String controller : List.of("memory", "pids")) {
        Path h = ROOT.resolve(controller);
        if (Files.isDirectory(h)) {
          dirs.add(Files.createDirectory(h.resolve(name)));
        }
      }
      if (memoryMb > 0) {
        Path mem = ROOT.resolve("memory").resolve(name);
        String bytes = (memoryMb * 1024L * 1024L) + "\n";
        Files.writeString(mem.resolve("memory.limit_in_bytes"), bytes);
        Path both = mem.resolve("memory.memsw.limit_in_bytes");
        if (Files.exists(both)) {
          Files.writeString(both, bytes);
        }
      }
    }
    return new Cgroup(dirs);
  }

  /** The cgroup's directories, one per hierarchy. */
  List<Path> dirs() {
    return dirs;
  }

  /** Removes the (empty) cgroup. */
  void remove() throws IOException {
    for (Path d : dirs) {
      Files.deleteIfExists(d);
    }
  }
}
