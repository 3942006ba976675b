package io.gradesim.probes.image;

import io.gradesim.probes.runtime.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packs the root file system as a newc cpio initramfs whose {@code /init} mounts the kernel file
 * systems, prints {@code gradesim-ready} on the serial console and then runs commands sent to it as
 * an argument count followed by one argument per line (never parsed by a shell), answering {@code
 * gradesim-done <exit code>}, until {@code poweroff}.
 */
final class Initramfs {
  static final String INIT =
      """
      #!/bin/sh
      mount -t proc proc /proc
      mount -t sysfs sys /sys
      mount -t devtmpfs dev /dev 2>/dev/null
      mount -t tmpfs tmp /tmp
      stty -echo 2>/dev/null
      echo gradesim-ready
      while read -r verb n; do
        case "$verb" in
          poweroff) break ;;
          exec) ;;
          *) continue ;;
        esac
        set --
        i=0
        while [ "$i" -lt "$n" ]; do read -r a; set -- "$@" "$a"; i=$((i + 1)); done
        "$@" </dev/null
        echo "gradesim-done $?"
      done
      # With ACPI off (TCG microvm boots only so here) poweroff just halts; a reboot with the
      # kernel's reboot=t and QEMU's -no-reboot ends the VM instead.
      reboot -f
      """;

  private Initramfs() {}

  /** Writes the initramfs of {@code rootfs} to the new file {@code out}. */
  static void build(Path rootfs, Path out) throws IOException {
    Path stage = Path.of(out + ".d");
    try {
      HostCommand.check(List.of("cp", "-a", rootfs.toString(), stage.toString()));
      Path init = stage.resolve("init");
      Files.writeString(init, INIT);
      Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
      // The kernel opens /dev/console for init before any devtmpfs is mounted.
      HostCommand.check(
          List.of("mknod", "-m", "600", stage.resolve("dev/console").toString(), "c", "5", "1"));
      Path list = Path.of(out + ".list");
      try (Stream<Path> files = Files.walk(stage)) {
        List<String> names =
            files
                .filter(p -> !p.equals(stage))
                .map(p -> stage.relativize(p).toString())
                .sorted()
                .toList();
        Files.write(list, names);
      }
      Process p =
          new ProcessBuilder(ImageStore.BUSYBOX.toString(), "cpio", "-o", "-H", "newc")
              .directory(stage.toFile())
              .redirectInput(list.toFile())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() != 0) {
        throw new IOException("busybox cpio failed building " + out);
      }
      Files.delete(list);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building " + out, e);
    } finally {
      HostCommand.quietly(List.of("rm", "-rf", "--one-file-system", stage.toString()));
    }
  }
}
