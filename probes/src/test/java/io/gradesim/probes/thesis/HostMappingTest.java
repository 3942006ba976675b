package io.gradesim.probes.thesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.runtime.Runtime;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HostMappingTest {
  static final Set<String> BINARIES =
      Set.of("dockerd", "podman", "runc", "crun", "lxd", "debootstrap", "newuidmap", "lvcreate");

  /** A host like the one this project measures on, with every Debian package installed. */
  static HostFeatures thisKernel(Set<String> binaries) {
    return new HostFeatures(
        HostFeatures.filesystems("nodev\tsysfs\n\text4\n\tbtrfs\nnodev\tfuse\nnodev\toverlay\n"),
        false,
        true,
        false,
        binaries::contains,
        "overlay2",
        "overlay",
        "");
  }

  static Map<String, HostMapping> mapped(HostFeatures f) throws IOException {
    return ThesisDataTest.byName().values().stream()
        .map(r -> HostMapping.of(r.configuration(), f))
        .collect(Collectors.toMap(m -> m.thesis().name(), Function.identity()));
  }

  @Test
  void thirtyFiveConfigurationsAreReachableOnThisKernelAndThirteenMeasuredToday()
      throws IOException {
    Map<String, HostMapping> m = mapped(thisKernel(BINARIES));
    assertThat(m).hasSize(73);
    assertThat(m.values().stream().filter(h -> h.host().available())).hasSize(35);
    List<String> today =
        m.values().stream()
            .filter(h -> h.today().isPresent())
            .map(HostMapping::name)
            .sorted()
            .toList();
    assertThat(today)
        .containsExactly(
            "contingious-minbase-crun-none",
            "docker-grading-crun-overlay",
            "docker-grading-runc-overlay",
            "docker-minbase-crun-overlay",
            "docker-minbase-runc-overlay",
            "lxd-grading-lxc-dir",
            "lxd-minbase-lxc-dir",
            "podman-grading-crun-overlay",
            "podman-grading-crun-overlay-rootless",
            "podman-grading-runc-overlay",
            "podman-minbase-crun-overlay",
            "podman-minbase-crun-overlay-rootless",
            "podman-minbase-runc-overlay");
    assertThat(m.get("contingious-alpine-crun-None").today()).contains(Runtime.PROTOTYPE);
    assertThat(m.get("podman-centos-crun-vfs-rootless").notToday())
        .isEqualTo("probe --runtime podman-crun-rootless --storage vfs");
    HostMapping inginious = m.get("docker-centos-runc-overlay");
    assertThat(inginious.today()).contains(Runtime.DOCKER_RUNC);
    assertThat(inginious.differs()).contains("busybox");
    assertThat(m.get("lxd-alpine-lxc-dir").differs()).contains("not LXD");
    assertThat(m.get("docker-centos-crun-vfs").notToday()).contains("default storage (overlay2)");
    assertThat(m.get("podman-alpine-crun-overlay-rootless").name())
        .isEqualTo("podman-minbase-crun-overlay-rootless");
    assertThat(m.get("contingious-alpine-crun-None").name())
        .isEqualTo("contingious-minbase-crun-none");
  }

  @Test
  void reasonsNameTheKernelAndThePackages() throws IOException {
    Map<String, HostMapping> m = mapped(thisKernel(Set.of("dockerd", "podman", "runc", "crun")));
    assertThat(m.get("docker-alpine-kata-fc-devicemapper").host().reason())
        .contains("Kata needs KVM")
        .contains("kata-runtime missing")
        .contains("firecracker missing")
        .contains("no device-mapper");
    assertThat(m.get("podman-centos-crun-zfs").host().reason()).contains("no zfs");
    // Missing packages leave a configuration reachable; the kernel, the CPU or Kata do not.
    assertThat(m.values().stream().filter(HostMapping::reachable)).hasSize(35);
    assertThat(m.get("docker-centos-runc-btrfs").reachable()).isTrue();
    assertThat(m.get("docker-centos-runc-btrfs").host().available()).isFalse();
    assertThat(m.get("docker-centos-kata-runtime-overlay").reachable()).isFalse();
    assertThat(m.get("docker-centos-runc-aufs").host().reason()).contains("no aufs");
    assertThat(m.get("lxd-centos-lxc-lvm").host().reason())
        .contains("lxd missing (Debian package lxd)")
        .contains("lvcreate missing (Debian package lvm2)");
    assertThat(m.get("podman-centos-crun-btrfs-rootless").host().reason())
        .isEqualTo(
            "newuidmap missing (Debian package uidmap); debootstrap missing (Debian package"
                + " debootstrap)");
    assertThat(m.get("docker-centos-runc-btrfs").host().reason())
        .isEqualTo("debootstrap missing (Debian package debootstrap)");
    HostFeatures noUser =
        new HostFeatures(
            Set.of("overlay"), false, true, false, BINARIES::contains, "", "", "user x missing");
    HostMapping rootless =
        HostMapping.of(ThesisConfiguration.parse("podman-alpine-crun-vfs-rootless"), noUser);
    assertThat(rootless.host().reason()).isEqualTo("user x missing");
    assertThat(rootless.reachable()).isTrue();
    HostFeatures noLoop =
        new HostFeatures(Set.of("btrfs"), false, false, false, BINARIES::contains, "", "", "");
    HostMapping btrfs =
        HostMapping.of(ThesisConfiguration.parse("docker-alpine-crun-btrfs"), noLoop);
    assertThat(btrfs.host().reason()).contains("no loop devices");
    HostMapping docker =
        HostMapping.of(ThesisConfiguration.parse("docker-alpine-crun-overlay"), noLoop);
    assertThat(docker.today()).isEqualTo(Optional.empty());
    assertThat(docker.notToday()).contains("does not answer");
  }

  @Test
  void procFilesystemsIsReadByItsLastColumn() {
    assertThat(HostFeatures.filesystems("nodev\tsysfs\n\tbtrfs\nnodev\toverlay\n\n"))
        .containsExactlyInAnyOrder("sysfs", "btrfs", "overlay");
  }
}
