package io.gradesim.probes.run;

import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.RuntimeDriver;
import io.gradesim.probes.runtime.docker.DockerDriver;
import io.gradesim.probes.runtime.podman.PodmanDriver;
import io.gradesim.probes.runtime.rootless.RootlessPodmanDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The storage-driver dimension ({@code --storage}): Docker's overlay2 (the user's daemon), vfs and
 * btrfs (a private daemon each), Podman's overlay (the host's storage), vfs and btrfs (a private
 * root each), rootless Podman's overlay, vfs and btrfs (always a private root); btrfs on a
 * loop-mounted file. devicemapper, zfs and aufs are known but need what this kernel may lack:
 * {@link #absent} says why.
 */
public final class Storages {
  /** Every storage driver the option accepts. */
  public static final List<String> KNOWN =
      List.of("overlay", "overlay2", "vfs", "btrfs", "devicemapper", "zfs", "aufs");

  private Storages() {}

  /** Checks a {@code --storage} value. */
  public static String check(String storage) {
    if (!KNOWN.contains(storage)) {
      throw new IllegalArgumentException(
          "--storage: unknown storage driver '" + storage + "' (known: " + KNOWN + ")");
    }
    return storage;
  }

  /** Why {@code storage} cannot run on this kernel, if it cannot. */
  public static Optional<String> absent(String storage) {
    String fs =
        switch (storage) {
          case "overlay", "overlay2" -> "overlay";
          case "btrfs", "zfs", "aufs" -> storage;
          default -> "";
        };
    if (storage.equals("devicemapper") && !Files.exists(Path.of("/dev/mapper/control"))) {
      return Optional.of("the kernel has no device-mapper (/dev/mapper/control absent)");
    }
    if (!fs.isEmpty() && !filesystems().contains(fs)) {
      return Optional.of("the kernel has no " + fs + " (not in /proc/filesystems)");
    }
    if (storage.equals("btrfs") && !Files.exists(Path.of("/dev/loop-control"))) {
      return Optional.of("no loop devices for a btrfs file (/dev/loop-control absent)");
    }
    return Optional.empty();
  }

  /**
   * The driver of {@code runtime} on {@code storage}; an IllegalArgumentException if it has none.
   */
  public static RuntimeDriver driver(Runtime runtime, String storage) {
    if (runtime == Runtime.PODMAN_CRUN_ROOTLESS) {
      return new RootlessPodmanDriver("crun", storage);
    }
    String[] parts = runtime.label().split("-", 2);
    if (parts.length == 2 && parts[0].equals("docker")) {
      return new DockerDriver(parts[1], storage.equals("overlay") ? "overlay2" : storage);
    }
    if (parts.length == 2 && parts[0].equals("podman")) {
      return new PodmanDriver(parts[1], storage.equals("overlay2") ? "overlay" : storage);
    }
    throw new IllegalArgumentException(
        "--storage applies to docker-* and podman-* runtimes only, not " + runtime.label());
  }

  private static List<String> filesystems() {
    try {
      return Files.readAllLines(Path.of("/proc/filesystems")).stream()
          .map(l -> l.substring(l.lastIndexOf('\t') + 1).strip())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
