package io.gradesim.simulator.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.files.Sha256;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage costs from a profile: the bundled literature by default, measured when given. */
class CostSetupTest {
  @TempDir Path dir;

  static ScenarioSettings scenario(String runtime) {
    return ScenarioLoader.parse("costs = profile\nruntime = " + runtime, "s.conf", List.of());
  }

  @Test
  void withoutACalibrationTheBundledLiteratureProfileIsUsedAndSaidSo() throws IOException {
    CostSetup c = CostSetup.of(scenario("kata"), null, "s.conf");
    assertThat(c.calibrationFile()).isEqualTo(CostSetup.BUNDLED);
    assertThat(c.calibrationHash()).hasSize(64);
    assertThat(c.note()).contains("bundled literature profile");
    assertThat(c.sources())
        .containsEntry("runtime", "literature")
        .containsEntry("start", "literature")
        .containsEntry("create", "absent")
        .containsEntry("remove", "absent");
    assertThat(c.costs().sampleMicros(Stage.CREATE, 1, new SplittableRandom(1))).isZero();
    assertThat(c.costs().sampleMicros(Stage.START, 1, new SplittableRandom(1))).isEqualTo(900_000L);
  }

  @Test
  void theBundledDockerRuncRowsRemoveAndSlowDownWithConcurrentOperations() throws IOException {
    CostSetup c = CostSetup.of(scenario("docker-runc"), null, "s.conf");
    assertThat(c.sources()).containsEntry("remove", "literature");
    SplittableRandom rng = new SplittableRandom(1);
    // moby#16281: docker rm ~1.2 s; moby#42096: 12.27 times slower at 33 lifecycles at once
    assertThat(c.costs().sampleMicros(Stage.REMOVE, 1, rng)).isEqualTo(1_200_000L);
    assertThat(c.costs().sampleMicros(Stage.CREATE, 1, rng)).isEqualTo(86_600L);
    assertThat(c.costs().sampleMicros(Stage.CREATE, 33, rng)).isEqualTo(1_062_609L);
    assertThat(c.costs().sampleMicros(Stage.CREATE, 100, rng)).isEqualTo(1_062_609L);
    // linear between the levels: at 17, half way
    assertThat(c.costs().sampleMicros(Stage.CREATE, 17, rng))
        .isEqualTo(Math.round((86_600 + 1_062_609.3) / 2));
    // docker-crun has no published concurrency figure: the same at any level
    CostSetup crun = CostSetup.of(scenario("docker-crun"), null, "s.conf");
    assertThat(crun.costs().sampleMicros(Stage.START, 8, rng)).isEqualTo(313_100L);
    assertThat(crun.costs().sampleMicros(Stage.REMOVE, 8, rng)).isEqualTo(1_200_000L);
  }

  @Test
  void anUnknownRuntimeNamesTheKeyAndListsTheProfilesRuntimes() {
    assertThatThrownBy(() -> CostSetup.of(scenario("lxc"), null, "s.conf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s.conf: runtime: 'lxc'")
        .hasMessageContaining("docker-crun (literature)")
        .hasMessageContaining("kata");
  }

  @Test
  void aMissingProfileIsAnErrorNamingTheFile() {
    Path p = dir.resolve("none.json");
    assertThatThrownBy(() -> CostSetup.of(scenario("kata"), p, "s.conf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(p + ": --calibration: no calibration profile here");
  }

  @Test
  void aMeasuredProfileIsSampledAtTheAgentsConcurrentOperations() throws IOException {
    Path p = TestProfiles.allRuntimes(dir.resolve("profile.json"));
    CostSetup c = CostSetup.of(scenario("docker-crun"), p, "s.conf");
    assertThat(c.calibrationFile()).isEqualTo(p.toString());
    assertThat(c.calibrationHash()).isEqualTo(Sha256.ofFile(p));
    assertThat(c.sources())
        .containsEntry("runtime", "measured")
        .containsEntry("remove", "measured");
    long at1 = c.costs().sampleMicros(Stage.START, 1, new SplittableRandom(5));
    long at8 = c.costs().sampleMicros(Stage.START, 8, new SplittableRandom(5));
    // the same quantile at both levels: twice the median at 8 gives twice the draw
    assertThat((double) at8 / at1).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.001));
  }
}
