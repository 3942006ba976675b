package io.gradesim.probes.thesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.probes.image.Image;
import io.gradesim.probes.runtime.Runtime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThesisMatrixTest {

  @Test
  void fiftyThreeConfigurationsHaveAProbeNamedAsTheComparisonLooksItUp() throws IOException {
    Map<String, HostMapping> mapped =
        HostMappingTest.mapped(HostMappingTest.thisKernel(HostMappingTest.BINARIES));
    int targets = 0;
    for (HostMapping m : mapped.values()) {
      Optional<ThesisMatrix.Target> t = ThesisMatrix.target(m.thesis(), Optional.empty());
      if (t.isEmpty()) {
        assertThat(ThesisMatrix.noTarget(m.thesis())).containsAnyOf("Kata", "LXD");
        continue;
      }
      targets++;
      // The folder the matrix writes is the result name the comparison reads.
      assertThat(t.get().name()).as(m.thesis().name()).isEqualTo(ThesisComparison.exactLabel(m));
    }
    assertThat(targets).isEqualTo(53);
    ThesisMatrix.Target rootless =
        ThesisMatrix.target(
                ThesisConfiguration.parse("podman-centos-crun-btrfs-rootless"), Optional.empty())
            .orElseThrow();
    assertThat(rootless)
        .isEqualTo(
            new ThesisMatrix.Target(
                "podman-centos-crun-btrfs-rootless",
                "podman-grading-crun-btrfs-rootless",
                Runtime.PODMAN_CRUN_ROOTLESS,
                Image.GRADING,
                "btrfs"));
    assertThat(
            ThesisMatrix.target(
                    ThesisConfiguration.parse("contingious-alpine-crun-None"), Optional.empty())
                .orElseThrow()
                .name())
        .isEqualTo("prototype-minbase");
  }

  @Test
  void anotherImageReplacesTheMappedOneInEveryName() {
    for (String c : List.of("podman-alpine-crun-btrfs", "podman-centos-crun-btrfs")) {
      assertThat(
              ThesisMatrix.target(ThesisConfiguration.parse(c), Optional.of(Image.BUSYBOX))
                  .orElseThrow()
                  .name())
          .isEqualTo("podman-busybox-crun-btrfs");
    }
    assertThat(
            ThesisMatrix.target(
                    ThesisConfiguration.parse("contingious-alpine-crun-None"),
                    Optional.of(Image.BUSYBOX))
                .orElseThrow()
                .name())
        .isEqualTo("prototype");
  }

  @Test
  void onlyKeepsItsOrderAcceptsBothNamesAndRefusesUnknownOnes() throws IOException {
    List<ThesisRun> runs = List.copyOf(ThesisDataTest.byName().values());
    assertThat(
            ThesisMatrix.select(
                    runs,
                    List.of(
                        "podman-alpine-crun-overlay-rootless",
                        "contingious-minbase-crun-none",
                        "podman-centos-crun-overlay-rootless"))
                .stream()
                .map(ThesisConfiguration::name))
        .containsExactly(
            "podman-alpine-crun-overlay-rootless",
            "contingious-alpine-crun-None",
            "podman-centos-crun-overlay-rootless");
    assertThat(ThesisMatrix.select(runs, List.of())).hasSize(73);
    assertThatThrownBy(() -> ThesisMatrix.select(runs, List.of("docker-ubuntu-runc-overlay")))
        .hasMessageStartingWith("--only: unknown configuration 'docker-ubuntu-runc-overlay'");
  }

  @Test
  void budgetsAreHoursMinutesAndSecondsOrIsoDurations() {
    assertThat(MatrixRun.budget("45m")).isEqualTo(Duration.ofMinutes(45));
    assertThat(MatrixRun.budget("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(MatrixRun.budget("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(MatrixRun.budget("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> MatrixRun.budget("soon"))
        .hasMessage("--budget: 'soon' is not a duration (e.g. 45m, 2h, 1h30m, 90s)");
    assertThatThrownBy(() -> MatrixRun.budget("0m")).hasMessageContaining("not a duration");
  }
}
