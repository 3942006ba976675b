package io.gradesim.probes.image;

import io.gradesim.probes.runtime.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Builds a minimal root file system from the host's static busybox: the binary, one symlink per
 * applet at the path busybox itself reports ({@code busybox --list-full}), the mount points the
 * runtimes need, and a root-only {@code /etc/passwd}. About 2 MB; no network, no registry.
 */
final class BusyboxRootfs {
  private static final List<String> DIRS =
      List.of(
          "bin",
          "sbin",
          "usr/bin",
          "usr/sbin",
          "proc",
          "sys",
          "dev",
          "etc",
          "root",
          "tmp",
          "run",
          "var/tmp",
          "mnt");

  private BusyboxRootfs() {}

  /** Writes the root file system into the new directory {@code root}. */
  static void build(Path root) throws IOException {
    for (String d : DIRS) {
      Files.createDirectories(root.resolve(d));
    }
    Files.setPosixFilePermissions(
        root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.copy(ImageStore.BUSYBOX, root.resolve("bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    String applets = HostCommand.check(List.of(ImageStore.BUSYBOX.toString(), "--list-full"));
    for (String applet : applets.lines().map(String::strip).toList()) {
      Path link = root.resolve(applet);
      if (applet.isEmpty()
          || applet.equals("bin/busybox")
          || Files.exists(link)
          || !link.normalize().startsWith(root)) {
        continue;
      }
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, Path.of("/bin/busybox"));
    }
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
    Files.writeString(root.resolve("etc/hostname"), "gradesim\n");
    Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
    // systemd-nspawn refuses a directory without os-release as "not an OS tree".
    Files.writeString(
        root.resolve("etc/os-release"),
        "NAME=gradesim-busybox\nID=gradesim\nPRETTY_NAME=\"gradesim busybox root\"\n");
  }
}
