package io.gradesim.probes.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.probes.image.Image;
import io.gradesim.probes.runtime.Runtime;
import org.junit.jupiter.api.Test;

class ResultNameTest {

  @Test
  void busyboxOnTheEnginesOwnStorageKeepsTodaysName() {
    assertThat(ResultName.of(Runtime.DOCKER_CRUN, "docker-crun", Image.BUSYBOX, ""))
        .isEqualTo("docker-crun");
  }

  @Test
  void anotherImageOrStorageIsNamedAfterTheThesisScheme() {
    assertThat(ResultName.of(Runtime.DOCKER_CRUN, "docker-crun", Image.GRADING, ""))
        .isEqualTo("docker-grading-crun-overlay");
    assertThat(ResultName.of(Runtime.DOCKER_RUNC, "docker-runc", Image.MINBASE, "overlay2"))
        .isEqualTo("docker-minbase-runc-overlay");
    assertThat(ResultName.of(Runtime.PODMAN_CRUN, "podman-crun", Image.BUSYBOX, "vfs"))
        .isEqualTo("podman-busybox-crun-vfs");
    assertThat(ResultName.of(Runtime.LXC, "lxc", Image.MINBASE, "")).isEqualTo("lxc-minbase");
  }

  @Test
  void rootlessStaysLastAsInTheThesisFileNames() {
    assertThat(
            ResultName.of(
                Runtime.PODMAN_CRUN_ROOTLESS, "podman-crun-rootless", Image.GRADING, "vfs"))
        .isEqualTo("podman-grading-crun-vfs-rootless");
    assertThat(
            ResultName.of(Runtime.PODMAN_CRUN_ROOTLESS, "podman-crun-rootless", Image.MINBASE, ""))
        .isEqualTo("podman-minbase-crun-overlay-rootless");
    assertThat(
            ResultName.of(Runtime.PODMAN_CRUN_ROOTLESS, "podman-crun-rootless", Image.BUSYBOX, ""))
        .isEqualTo("podman-crun-rootless");
    assertThat(ResultName.of(Runtime.PROTOTYPE, "prototype", Image.MINBASE, ""))
        .isEqualTo("prototype-minbase");
  }

  @Test
  void storageAppliesToEnginesOnlyAndUnknownDriversAreRefused() {
    assertThat(Storages.driver(Runtime.PODMAN_CRUN_ROOTLESS, "btrfs").cleanupScope())
        .startsWith("podman-rootless");
    assertThatThrownBy(() -> Storages.driver(Runtime.CRUN, "vfs"))
        .hasMessageContaining("docker-* and podman-*");
    assertThatThrownBy(() -> Storages.check("ext4")).hasMessageContaining("unknown storage");
    assertThat(Storages.absent("vfs")).isEmpty();
  }

  @Test
  void aDriverTheKernelLacksIsAbsentWithItsReason() throws Exception {
    java.util.List<String> fs =
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/filesystems"));
    boolean zfs = fs.stream().anyMatch(l -> l.endsWith("\tzfs"));
    assertThat(Storages.absent("zfs").isPresent()).isEqualTo(!zfs);
    Storages.absent("zfs").ifPresent(r -> assertThat(r).contains("/proc/filesystems"));
  }
}
