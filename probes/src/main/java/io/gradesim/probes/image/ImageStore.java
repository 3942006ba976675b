package io.gradesim.probes.image;

import io.gradesim.files.Sha256;
import io.gradesim.probes.runtime.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The cache of offline images under {@code GRADESIM_HOME/images} (default {@code ~/.gradesim}).
 * Each artefact is named by a hash of its inputs (the busybox binary and the layout version), is
 * built into a temporary path and moved into place, so concurrent or interrupted builds never leave
 * a half-built image under the final name.
 */
public final class ImageStore {
  /** Where the Debian package busybox-static installs its binary. */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  /** Bumped whenever the layout built below changes, so the hash changes too. */
  private static final String LAYOUT = "gradesim-rootfs-v2";

  private final Path dir;
  private String hash;

  /** A store under {@code dir}. */
  public ImageStore(Path dir) {
    this.dir = dir;
  }

  /** The store under {@code $GRADESIM_HOME/images}, or {@code ~/.gradesim/images}. */
  public static ImageStore standard() {
    String home = System.getenv("GRADESIM_HOME");
    Path base =
        home == null || home.isBlank()
            ? Path.of(System.getProperty("user.home"), ".gradesim")
            : Path.of(home);
    return new ImageStore(base.resolve("images"));
  }

  /** The content hash (first 16 hex digits of SHA-256 over busybox and the layout version). */
  public synchronized String hash() throws IOException {
    if (hash == null) {
      if (!Files.isExecutable(BUSYBOX)) {
        throw new IOException(BUSYBOX + " is missing: install the Debian package busybox-static");
      }
      MessageDigest md = Sha256.digest();
      md.update(LAYOUT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(BUSYBOX)) {
        md.update(in.readAllBytes());
      }
      hash = HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
    return hash;
  }

  /** The busybox root file system directory, built on first use. */
  public synchronized Path rootfs() throws IOException {
    Path target = dir.resolve("rootfs-" + hash());
    if (!Files.isDirectory(target)) {
      Path tmp = temp("rootfs");
      BusyboxRootfs.build(tmp);
      moveIntoPlace(tmp, target);
    }
    return target;
  }

  /** An uncompressed tarball of {@link #rootfs()}, for podman, docker and lxc imports. */
  public synchronized Path tarball() throws IOException {
    Path target = dir.resolve("rootfs-" + hash() + ".tar");
    if (!Files.isRegularFile(target)) {
      Path root = rootfs();
      Path tmp = temp("tar");
      HostCommand.check(
          List.of(
              "tar",
              "--numeric-owner",
              "--sort=name",
              "--mtime=@0",
              "-C",
              root.toString(),
              "-cf",
              tmp.toString(),
              "."));
      moveIntoPlace(tmp, target);
    }
    return target;
  }

  /** A newc cpio initramfs of the root file system with a serial-console {@code /init}. */
  public synchronized Path initramfs() throws IOException {
    String init = Sha256.ofText(Initramfs.INIT).substring(0, 8);
    Path target = dir.resolve("initramfs-" + hash() + "-" + init + ".cpio");
    if (!Files.isRegularFile(target)) {
      Path tmp = temp("cpio");
      Initramfs.build(rootfs(), tmp);
      moveIntoPlace(tmp, target);
    }
    return target;
  }

  /** The rootfs tarball compressed with xz (the format lxc's {@code local} template reads). */
  public synchronized Path tarballXz() throws IOException {
    Path tar = tarball();
    return cached(
        "rootfs-" + hash() + ".tar.xz",
        tmp -> {
          Process p =
              new ProcessBuilder("xz", "-T1", "-c", tar.toString())
                  .redirectOutput(tmp.toFile())
                  .redirectError(ProcessBuilder.Redirect.DISCARD)
                  .start();
          try {
            if (p.waitFor() != 0) {
              throw new IOException("xz failed compressing " + tar + " (Debian package xz-utils)");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing " + tar, e);
          }
        });
  }

  /** Writes a cache file; the builder writes the given temporary path. */
  public interface FileBuilder {
    /** Writes the artefact to {@code tmp}. */
    void build(Path tmp) throws IOException;
  }

  /**
   * The cache file {@code name} (which must name its content, e.g. by a hash), built by {@code
   * builder} into a temporary path and moved into place on first use.
   */
  public synchronized Path cached(String name, FileBuilder builder) throws IOException {
    Path target = dir.resolve(name);
    if (!Files.exists(target)) {
      Path tmp = temp("file");
      try {
        builder.build(tmp);
        moveIntoPlace(tmp, target);
      } finally {
        HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", tmp.toString()));
      }
    }
    return target;
  }

  private Path temp(String kind) throws IOException {
    Files.createDirectories(dir);
    long pid = ProcessHandle.current().pid();
    return dir.resolve(".tmp-" + kind + "-" + pid + "-" + System.nanoTime());
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(target)) {
        throw e;
      }
      // Another probe built the same content first: ours is redundant.
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", tmp.toString()));
    }
  }
}
