package io.gradesim.probes.thesis;

import io.gradesim.probes.runtime.Availability;
import io.gradesim.probes.runtime.Runtime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One thesis configuration on this host: its gradesim name, whether this host could run it (and why
 * not), and the probes' runtime that measures the nearest thing today.
 *
 * @param thesis the thesis' configuration
 * @param name the gradesim name, {@code MANAGER-IMAGE-RUNTIME-STORAGE[-rootless]} with the image
 *     mapped (alpine to minbase, centos to grading), e.g. {@code docker-grading-crun-overlay}
 * @param host whether the kernel and the installed packages could run it, with every reason not
 * @param reachable true when only Debian packages are missing (nothing about the kernel, the CPU or
 *     software Debian does not ship)
 * @param today the probes' runtime measuring it today (its alias), if any
 * @param differs what today's runtime does differently (image, manager), empty when nothing
 * @param notToday why no runtime measures it today, empty when one does
 */
public record HostMapping(
    ThesisConfiguration thesis,
    String name,
    Availability host,
    boolean reachable,
    Optional<Runtime> today,
    String differs,
    String notToday) {

  /** The image gradesim builds in place of the thesis' {@code image}. */
  public static String image(String thesisImage) {
    return switch (thesisImage) {
      case "alpine" -> "minbase";
      case "centos" -> "grading";
      default -> thesisImage;
    };
  }

  /** The gradesim name of a thesis configuration. */
  public static String name(ThesisConfiguration c) {
    return c.manager()
        + "-"
        + image(c.image())
        + "-"
        + c.runtime()
        + "-"
        + c.storage().toLowerCase(Locale.ROOT)
        + (c.rootless() ? "-rootless" : "");
  }

  /** Maps {@code c} onto a host with {@code features}. */
  public static HostMapping of(ThesisConfiguration c, HostFeatures features) {
    List<String> missing = new ArrayList<>();
    List<String> packages = new ArrayList<>();
    manager(c, features, packages);
    runtime(c, features, missing, packages);
    storage(c, features, missing, packages);
    if (c.rootless() || c.manager().equals("contingious")) {
      need(features, "newuidmap", "uidmap", packages);
      if (!features.rootlessUser().isEmpty()) {
        packages.add(features.rootlessUser());
      }
    }
    // Both stand-in images are built with debootstrap from Debian's mirror.
    need(features, "debootstrap", "debootstrap", packages);
    boolean reachable = missing.isEmpty();
    missing.addAll(packages);
    Availability host =
        missing.isEmpty()
            ? Availability.available("")
            : Availability.unavailable(String.join("; ", missing));
    Optional<Runtime> today = today(c, features);
    String differs = "";
    String notToday = "";
    if (today.isPresent()) {
      differs = "image: busybox, not " + image(c.image());
      if (c.manager().equals("lxd")) {
        differs += "; manager: plain LXC (lxc-create -t local, dir backing store), not LXD";
      }
    } else {
      notToday = notToday(c, features);
    }
    return new HostMapping(c, name(c), host, reachable, today, differs, notToday);
  }

  private static void manager(ThesisConfiguration c, HostFeatures f, List<String> missing) {
    switch (c.manager()) {
      case "docker" -> need(f, "dockerd", "docker.io", missing);
      case "podman" -> need(f, "podman", "podman", missing);
      case "lxd" -> need(f, "lxd", "lxd", missing);
      case "contingious" -> {}
      default -> missing.add("unknown manager " + c.manager());
    }
  }

  private static void runtime(
      ThesisConfiguration c, HostFeatures f, List<String> missing, List<String> packages) {
    switch (c.runtime()) {
      case "runc" -> need(f, "runc", "runc", packages);
      case "crun" -> need(f, "crun", "crun", packages);
      case "lxc" -> {}
      case "kata-runtime", "kata-fc" -> {
        if (!f.kvm()) {
          missing.add("Kata needs KVM (no /dev/kvm with a vmx/svm CPU here)");
        }
        if (!f.onPath().test("kata-runtime")) {
          missing.add("kata-runtime missing (no Debian 12 package)");
        }
        if (c.runtime().equals("kata-fc") && !f.onPath().test("firecracker")) {
          missing.add("firecracker missing (no Debian 12 package)");
        }
      }
      default -> missing.add("unknown runtime " + c.runtime());
    }
  }

  private static void storage(
      ThesisConfiguration c, HostFeatures f, List<String> missing, List<String> packages) {
    switch (c.storage()) {
      case "overlay" -> kernel(f, "overlay", missing);
      case "btrfs" -> {
        kernel(f, "btrfs", missing);
        if (!f.loop()) {
          missing.add("no loop devices for a btrfs file (/dev/loop-control absent)");
        }
      }
      case "zfs" -> kernel(f, "zfs", missing);
      case "aufs" -> kernel(f, "aufs", missing);
      case "devicemapper", "lvm" -> {
        if (!f.deviceMapper()) {
          missing.add("the kernel has no device-mapper (/dev/mapper/control absent)");
        }
        if (c.storage().equals("lvm")) {
          need(f, "lvcreate", "lvm2", packages);
        }
      }
      case "vfs", "dir", "None" -> {}
      default -> missing.add("unknown storage driver " + c.storage());
    }
  }

  private static void kernel(HostFeatures f, String fs, List<String> missing) {
    if (!f.filesystems().contains(fs)) {
      missing.add("the kernel has no " + fs + " (not in /proc/filesystems)");
    }
  }

  private static void need(HostFeatures f, String binary, String pkg, List<String> missing) {
    if (!f.onPath().test(binary)) {
      missing.add(binary + " missing (Debian package " + pkg + ")");
    }
  }

  /** The probes' driver for {@code c} on its default storage with busybox. */
  private static Optional<Runtime> today(ThesisConfiguration c, HostFeatures f) {
    if (c.manager().equals("contingious")) {
      return Optional.of(Runtime.PROTOTYPE);
    }
    if (c.rootless()) {
      // Rootless podman always runs on a private storage of its own, overlay unless asked.
      boolean overlay = c.storage().equals("overlay");
      return c.manager().equals("podman") && c.runtime().equals("crun") && overlay
          ? Optional.of(Runtime.PODMAN_CRUN_ROOTLESS)
          : Optional.empty();
    }
    boolean ociRuntime = c.runtime().equals("runc") || c.runtime().equals("crun");
    if (c.manager().equals("docker") && ociRuntime && isDefault(c, f.dockerStorage())) {
      return Optional.of(Runtime.of("docker-" + c.runtime()));
    }
    if (c.manager().equals("podman") && ociRuntime && isDefault(c, f.podmanStorage())) {
      return Optional.of(Runtime.of("podman-" + c.runtime()));
    }
    if (c.manager().equals("lxd") && c.storage().equals("dir")) {
      return Optional.of(Runtime.LXC);
    }
    return Optional.empty();
  }

  /** Docker's overlay2 is the thesis' "overlay". */
  private static boolean isDefault(ThesisConfiguration c, String engineStorage) {
    String s = engineStorage.equals("overlay2") ? "overlay" : engineStorage;
    return !s.isEmpty() && s.equals(c.storage());
  }

  private static String notToday(ThesisConfiguration c, HostFeatures f) {
    if (c.runtime().startsWith("kata")) {
      return "no Kata driver";
    }
    if (c.rootless()) {
      return "probe --runtime podman-crun-rootless --storage " + c.storage();
    }
    if (c.manager().equals("lxd")) {
      return "the lxc driver has only the dir backing store; no LXD driver";
    }
    String engineStorage = c.manager().equals("docker") ? f.dockerStorage() : f.podmanStorage();
    if (engineStorage.isEmpty()) {
      return c.manager() + " does not answer (is its daemon running?)";
    }
    return "the probes use " + c.manager() + "'s default storage (" + engineStorage + ") only";
  }
}
