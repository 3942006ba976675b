package io.gradesim.probes.runtime;

import io.gradesim.probes.image.ImageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What drivers need from the host besides their own binary, checked without starting anything: the
 * inputs of the busybox images, host tools, and cgroups this process may create. Each check returns
 * what is missing and what to install or fix, or empty when all is there.
 */
public final class HostNeeds {
  private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

  private HostNeeds() {}

  /** The busybox image's input: a static busybox at {@link ImageStore#BUSYBOX}. */
  public static Optional<String> busyboxImage() {
    Path b = ImageStore.BUSYBOX;
    if (Files.isRegularFile(b) && Files.isExecutable(b)) {
      return Optional.empty();
    }
    return Optional.of(b + " is missing (Debian package busybox-static)");
  }

  /**
   * Host tools, each with its Debian package ({@code "tar=tar", "xz=xz-utils"}); what is missing is
   * named per package, e.g. {@code lxc-start, lxc-attach missing (Debian package lxc)}.
   */
  public static Optional<String> tools(String... binaryEqualsPackage) {
    Map<String, List<String>> byPackage = new LinkedHashMap<>();
    for (String pair : binaryEqualsPackage) {
      String[] bp = pair.split("=", 2);
      if (!HostCommand.onPath(bp[0])) {
        byPackage.computeIfAbsent(bp[1], k -> new ArrayList<>()).add(bp[0]);
      }
    }
    List<String> parts = new ArrayList<>();
    byPackage.forEach(
        (pkg, bins) ->
            parts.add(String.join(", ", bins) + " missing (Debian package " + pkg + ")"));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  /**
   * Cgroups this process may create: the writable root of a cgroup v2 host, or the writable v1
   * memory hierarchy of a v1 or hybrid host (kernel Documentation/admin-guide/cgroup-v2).
   */
  public static Optional<String> cgroupDelegation() {
    Path dir =
        Files.exists(CGROUPS.resolve("cgroup.controllers")) ? CGROUPS : CGROUPS.resolve("memory");
    if (Files.isDirectory(dir) && Files.isWritable(dir)) {
      return Optional.empty();
    }
    return Optional.of(
        "cannot create cgroups in "
            + dir
            + " (not mounted or not writable:"
            + " run as root on a host that gives this process its cgroups)");
  }
}
