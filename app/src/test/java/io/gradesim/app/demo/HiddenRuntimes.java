package io.gradesim.app.demo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A command line that runs a program with every container runtime and {@code /bin/busybox} made
 * unusable: in a private mount namespace ({@code unshare -m}, util-linux) each binary that exists
 * is covered by a bind mount of {@code /dev/null}, which is not executable. The host keeps its
 * binaries; nothing outlives the namespace.
 */
final class HiddenRuntimes {
  /** Binds /dev/null over its first N arguments, then execs the rest: a constant script. */
  private static final String HIDE =
      "n=$1; shift; while [ \"$n\" -gt 0 ]; do mount --bind /dev/null \"$1\" || exit 125;"
          + " shift; n=$((n - 1)); done; exec \"$@\"";

  private static final List<String> NAMES =
      List.of(
          "runc",
          "crun",
          "runsc",
          "podman",
          "docker",
          "dockerd",
          "containerd",
          "systemd-nspawn",
          "bwrap",
          "qemu-system-x86_64",
          "busybox");
  private static final List<String> DIRS =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private HiddenRuntimes() {}

  /** Fails in CI (CI=true), aborts elsewhere, unless this host can hide binaries: root, unshare. */
  static void requireHost() {
    String why = null;
    if (!"root".equals(System.getProperty("user.name"))) {
      why = "hiding runtimes needs root (mount in a private mount namespace)";
    } else if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
      why = "/usr/bin/unshare is missing (Debian package util-linux)";
    }
    if (why != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }

  /** Fails in CI, aborts elsewhere, unless the static busybox the images need is installed. */
  static void requireBusybox() {
    if (!Files.isExecutable(Path.of("/bin/busybox"))) {
      String why = "/bin/busybox is missing (Debian package busybox-static)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }

  /** The real paths of every runtime binary (and busybox unless kept) present on this host. */
  static Set<Path> present(boolean keepBusybox) throws IOException {
    Set<Path> out = new TreeSet<>();
    for (String dir : DIRS) {
      Path d = Path.of(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.list(d)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          boolean runtime = NAMES.contains(name) && !(keepBusybox && name.equals("busybox"));
          if ((runtime || name.startsWith("lxc-")) && Files.isRegularFile(f)) {
            out.add(f.toRealPath());
          }
        }
      }
    }
    return out;
  }

  /** {@code argv} wrapped so that it runs with every runtime and busybox hidden. */
  static List<String> wrap(List<String> argv) throws IOException {
    return wrap(argv, false);
  }

  /** {@code argv} wrapped so that it runs with every runtime (and busybox unless kept) hidden. */
  static List<String> wrap(List<String> argv, boolean keepBusybox) throws IOException {
    Set<Path> hide = present(keepBusybox);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "/usr/bin/unshare",
                "--mount",
                "--propagation",
                "private",
                "--",
                "/bin/sh",
                "-c",
                HIDE,
                "hide-runtimes",
                Integer.toString(hide.size())));
    hide.forEach(p -> cmd.add(p.toString()));
    cmd.addAll(argv);
    return cmd;
  }
}
