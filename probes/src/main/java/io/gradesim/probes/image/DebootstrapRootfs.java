package io.gradesim.probes.image;

import io.gradesim.probes.runtime.ExecResult;
import io.gradesim.probes.runtime.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Debian 12 root file system with {@code debootstrap --variant=minbase} from Debian's
 * mirror ({@code GRADESIM_DEBIAN_MIRROR}, default {@code http://deb.debian.org/debian}), then drops
 * what only a package manager needs at build time (downloaded packages, package lists, logs) so
 * that the image's size is its installed software.
 */
final class DebootstrapRootfs {
  /** The Debian release every debootstrapped image is built from. */
  static final String SUITE = "bookworm";

  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

  private DebootstrapRootfs() {}

  /** The mirror the images come from. */
  static String mirror() {
    String m = System.getenv("GRADESIM_DEBIAN_MIRROR");
    return m == null || m.isBlank() ? "http://deb.debian.org/debian" : m.strip();
  }

  /** Builds {@code image} into {@code root} (which must not exist). */
  static void build(Image image, Path root) throws IOException {
    if (!HostCommand.onPath("debootstrap")) {
      throw new IOException(
          "debootstrap is missing (Debian package debootstrap; probes/host-setup.sh runtimes)");
    }
    List<String> cmd = new ArrayList<>(List.of("debootstrap", "--variant=minbase"));
    if (!image.packages().isEmpty()) {
      cmd.add("--include=" + String.join(",", image.packages()));
    }
    cmd.addAll(List.of(SUITE, root.toString(), mirror()));
    ExecResult r = HostCommand.run(cmd, BUILD_TIMEOUT);
    if (!r.ok()) {
      throw new IOException(
          "building the "
              + image.label()
              + " image with debootstrap failed (is "
              + mirror()
              + " reachable?): "
              + r.describe());
    }
    for (String dir : List.of("var/cache/apt/archives", "var/lib/apt/lists", "var/log")) {
      Path d = root.resolve(dir);
      if (Files.isDirectory(d)) {
        HostCommand.check(
            List.of(
                "find",
                d.toString(),
                "-mindepth",
                "1",
                "-type",
                "f",
                "-not",
                "-name",
                "lock",
                "-delete"));
      }
    }
  }
}
