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
 * The cache of offline images under {@code GRADESIM_HOME/images} (default {@code ~/.gradesim}),
 * viewed through one selected {@link Image} (busybox unless {@link #select} says otherwise). Each
 * artefact is named by the image and a hash of its inputs (busybox: the binary and the layout
 * version; debootstrapped images: the suite, mirror, package list and layout version), is built
 * into a temporary path and moved into place, so concurrent or interrupted builds never leave a
 * half-built image under the final name. {@link #entries} lists the cache, {@link #prune} empties
 * it.
 */
public final class ImageStore {
  /** Where the Debian package busybox-static installs its binary. */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  /** Bumped whenever the layout built below changes, so the hash changes too. */
  private static final String LAYOUT = "gradesim-rootfs-v2";

  /** Bumped whenever the debootstrapped images' recipe below changes. */
  private static final String DEBIAN_LAYOUT = "gradesim-debian-v1";

  private final Path dir;
  private final Image image;
  private String hash;

  /** A store under {@code dir} showing the busybox image. */
  public ImageStore(Path dir) {
    this(dir, Image.BUSYBOX);
  }

  private ImageStore(Path dir, Image image) {
    this.dir = dir;
    this.image = image;
  }

  /** The same cache showing {@code other} (this store when it already does). */
  public ImageStore select(Image other) {
    return other == image ? this : new ImageStore(dir, other);
  }

  /** The image this store shows. */
  public Image image() {
    return image;
  }

  /** The cache directory. */
  public Path dir() {
    return dir;
  }

  /** The file name prefix of this image's artefacts: {@code rootfs-} for busybox. */
  private String prefix() throws IOException {
    return (image == Image.BUSYBOX ? "rootfs" : image.label()) + "-" + hash();
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
    if (hash == null && image.debootstrapped()) {
      String recipe =
          String.join(
              "\n",
              DEBIAN_LAYOUT,
              image.label(),
              DebootstrapRootfs.SUITE,
              DebootstrapRootfs.mirror(),
              String.join(",", image.packages()));
      hash = Sha256.ofText(recipe).substring(0, 16);
    }
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
    Path target = dir.resolve(prefix());
    if (!Files.isDirectory(target)) {
      Path tmp = temp("rootfs");
      try {
        if (image.debootstrapped()) {
          DebootstrapRootfs.build(image, tmp);
        } else {
          BusyboxRootfs.build(tmp);
        }
        moveIntoPlace(tmp, target);
      } finally {
        HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", tmp.toString()));
      }
    }
    return target;
  }

  /** An uncompressed tarball of {@link #rootfs()}, for podman, docker and lxc imports. */
  public synchronized Path tarball() throws IOException {
    Path target = dir.resolve(prefix() + ".tar");
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
    if (image != Image.BUSYBOX) {
      throw new IOException(
          "the QEMU initramfs is built from busybox only (--image " + image.label() + ")");
    }
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
        prefix() + ".tar.xz",
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

  /** One cached artefact: its file name and size in bytes. */
  public record Entry(String name, long bytes) {}

  /** The cache's artefacts (temporary files of builds in progress left out), sorted by name. */
  public List<Entry> entries() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Entry> out = new java.util.ArrayList<>();
    try (var list = Files.list(dir)) {
      for (Path p : list.sorted().toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".tmp-")) {
          out.add(new Entry(name, size(p)));
        }
      }
    }
    return out;
  }

  /**
   * Removes every cached artefact and abandoned temporary build (those of running processes are
   * kept); returns what was removed.
   */
  public synchronized List<Entry> prune() throws IOException {
    List<Entry> removed = new java.util.ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    try (var list = Files.list(dir)) {
      for (Path p : list.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".tmp-") && builderAlive(name)) {
          continue;
        }
        long bytes = size(p);
        HostCommand.check(List.of("rm", "-rf", "--one-file-system", p.toString()));
        removed.add(new Entry(name, bytes));
      }
    }
    return removed;
  }

  /** Whether the pid in {@code .tmp-KIND-PID-NANOS} is a live process. */
  private static boolean builderAlive(String name) {
    String[] parts = name.split("-");
    try {
      return ProcessHandle.of(Long.parseLong(parts[2])).map(ProcessHandle::isAlive).orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static long size(Path p) throws IOException {
    if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Files.size(p);
    }
    try (var walk = Files.walk(p)) {
      return walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
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
