package io.gradesim.probes.runtime.engine;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A private storage root for one engine and storage driver, so that the user's own docker and
 * podman storage is never touched: a labelled folder in the temporary directory; for btrfs, a
 * sparse file formatted with {@code mkfs.btrfs} and loop-mounted there (as the seed thesis did).
 * {@link #close} unmounts it (the loop device is released with the mount) and removes the folder;
 * the host sweep does the same for a crashed probe's (the mount point and folder carry the label).
 */
public final class StorageRoot implements AutoCloseable {
  /** Size of the sparse btrfs file: room for a few hundred MB images and their layers. */
  private static final String BTRFS_SIZE = "6G";

  private final Path dir;
  private final Path root;
  private final boolean mounted;

  private StorageRoot(Path dir, Path root, boolean mounted) {
    this.dir = dir;
    this.root = root;
    this.mounted = mounted;
  }

  /** A fresh root for {@code driver} (vfs, btrfs, overlay...), labelled with this JVM's pid. */
  public static StorageRoot create(String engine, String driver) throws IOException {
    return create(engine, driver, "loop");
  }

  /**
   * A fresh root as {@link #create(String, String)}, the btrfs file mounted with {@code options}
   * (e.g. {@code loop,user_subvol_rm_allowed}, so that an unprivileged engine may delete the
   * subvolumes it made: btrfs(5)).
   */
  public static StorageRoot create(String engine, String driver, String options)
      throws IOException {
    Path dir = Files.createTempDirectory(Label.own() + engine + "-" + driver + "-");
    if (!driver.equals("btrfs")) {
      return new StorageRoot(dir, Files.createDirectories(dir.resolve("root")), false);
    }
    Path file = dir.resolve("btrfs.img");
    Path mnt = Files.createDirectories(dir.resolve("mnt"));
    try {
      HostCommand.check(List.of("truncate", "-s", BTRFS_SIZE, file.toString()));
      HostCommand.check(List.of("mkfs.btrfs", "-q", file.toString()));
      HostCommand.check(List.of("mount", "-o", options, file.toString(), mnt.toString()));
    } catch (IOException e) {
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", dir.toString()));
      throw new IOException(
          "could not loop-mount a btrfs file (Debian package btrfs-progs): " + e.getMessage(), e);
    }
    return new StorageRoot(dir, mnt, true);
  }

  /** The folder the engine keeps its data in. */
  public Path root() {
    return root;
  }

  /** The labelled folder holding everything. */
  public Path dir() {
    return dir;
  }

  /** Unmounts and removes it; ignores what is already gone. */
  @Override
  public void close() {
    if (mounted) {
      if (!HostCommand.quietly(List.of("umount", root.toString())).ok()) {
        HostCommand.quietly(List.of("umount", "-l", root.toString()));
      }
    }
    HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", dir.toString()));
  }
}
