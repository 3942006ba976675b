package io.gradesim.probes.thesis;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.rootless.RootlessUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What this host offers the thesis' configurations, read without starting anything: the kernel's
 * filesystems ({@code /proc/filesystems}), device-mapper ({@code /dev/mapper/control}), loop
 * devices ({@code /dev/loop-control}), usable KVM ({@code /dev/kvm} and a vmx/svm CPU flag), the
 * binaries on the PATH, the storage driver each running engine uses by default, and the rootless
 * runtimes' user.
 *
 * @param filesystems the kernel's filesystem types (overlay, btrfs, zfs, aufs, ...)
 * @param deviceMapper true when {@code /dev/mapper/control} exists
 * @param loop true when {@code /dev/loop-control} exists
 * @param kvm true when {@code /dev/kvm} exists and the CPU has vmx or svm
 * @param onPath whether a binary is on the PATH
 * @param dockerStorage the running dockerd's storage driver, empty when it does not answer
 * @param podmanStorage podman's graph driver, empty when podman does not answer
 * @param rootlessUser what is missing of the rootless runtimes' user ({@link RootlessUser}), empty
 *     when it is there with its subordinate ids
 */
public record HostFeatures(
    Set<String> filesystems,
    boolean deviceMapper,
    boolean loop,
    boolean kvm,
    Predicate<String> onPath,
    String dockerStorage,
    String podmanStorage,
    String rootlessUser) {

  /** Reads this host. */
  public static HostFeatures detect() {
    Set<String> fs;
    try {
      fs = filesystems(Files.readString(Path.of("/proc/filesystems")));
    } catch (IOException e) {
      fs = Set.of();
    }
    boolean kvm;
    try {
      kvm =
          Files.exists(Path.of("/dev/kvm"))
              && Files.readString(Path.of("/proc/cpuinfo")).matches("(?s).*\\b(vmx|svm)\\b.*");
    } catch (IOException e) {
      kvm = false;
    }
    return new HostFeatures(
        fs,
        Files.exists(Path.of("/dev/mapper/control")),
        Files.exists(Path.of("/dev/loop-control")),
        kvm,
        HostCommand::onPath,
        answer(List.of("/usr/bin/docker", "info", "--format", "{{.Driver}}")),
        answer(List.of("podman", "info", "--format", "{{.Store.GraphDriverName}}")),
        RootlessUser.userMissing().orElse(""));
  }

  /** The filesystem types of a {@code /proc/filesystems} text ("nodev\toverlay", "\tbtrfs"). */
  public static Set<String> filesystems(String procFilesystems) {
    Set<String> out = new TreeSet<>();
    for (String line : procFilesystems.split("\n")) {
      String[] f = line.strip().split("\\s+");
      String name = f[f.length - 1];
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  private static String answer(List<String> command) {
    if (!HostCommand.onPath(command.get(0))) {
      return "";
    }
    try {
      return HostCommand.firstLine(command).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
