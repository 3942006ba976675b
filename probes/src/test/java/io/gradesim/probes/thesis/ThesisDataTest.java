package io.gradesim.probes.thesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThesisDataTest {
  static final String FOLDER = "traces-real/lepl2990-measurements";

  static Map<String, ThesisRun> byName() throws IOException {
    return ThesisData.readAll(SharedData.require(FOLDER)).stream()
        .collect(Collectors.toMap(r -> r.configuration().name(), Function.identity()));
  }

  static double helloWorld(Map<String, ThesisRun> runs, String name) {
    return runs.get(name).test(ThesisTest.HELLO_WORLD).whole().statistics().fastestMean();
  }

  @Test
  void readsAllSeventyThreeConfigurationsWithTheReadmesFigures() throws IOException {
    Map<String, ThesisRun> runs = byName();
    assertThat(runs).hasSize(ThesisData.CONFIGURATIONS);
    assertThat(helloWorld(runs, "docker-centos-runc-overlay")).isCloseTo(1.037, within(0.0005));
    assertThat(helloWorld(runs, "docker-centos-crun-overlay")).isCloseTo(0.524, within(0.0005));
    assertThat(helloWorld(runs, "contingious-alpine-crun-None")).isCloseTo(0.314, within(0.0005));
    assertThat(helloWorld(runs, "lxd-centos-lxc-dir")).isCloseTo(5.21, within(0.005));
    ThesisTest hello = runs.get("docker-centos-runc-overlay").test(ThesisTest.HELLO_WORLD);
    assertThat(hello.series())
        .extracting(ThesisSeries::stage)
        .containsExactly("Create", "Start", "Exec");
    assertThat(hello.whole().seconds()).hasSize(20);
    assertThat(runs.get("docker-centos-runc-overlay").title())
        .isEqualTo("Docker - centos\nrunc\noverlay");
    // Cumulative: every run's exec ends after its start, which ends after its create.
    for (int i = 0; i < 20; i++) {
      assertThat(hello.stage("Start").seconds()[i])
          .isGreaterThan(hello.stage("Create").seconds()[i]);
      assertThat(hello.stage("Exec").seconds()[i]).isGreaterThan(hello.stage("Start").seconds()[i]);
    }
  }

  @Test
  void fileNamesGiveManagerImageRuntimeStorageAndRootless() {
    assertThat(ThesisConfiguration.parse("docker-centos-kata-fc-devicemapper"))
        .isEqualTo(
            new ThesisConfiguration(
                "docker-centos-kata-fc-devicemapper",
                "docker",
                "centos",
                "kata-fc",
                "devicemapper",
                false));
    assertThat(ThesisConfiguration.parse("podman-alpine-crun-vfs-rootless"))
        .isEqualTo(
            new ThesisConfiguration(
                "podman-alpine-crun-vfs-rootless", "podman", "alpine", "crun", "vfs", true));
    assertThat(ThesisConfiguration.parse("contingious-alpine-crun-None").storage())
        .isEqualTo("None");
    assertThatThrownBy(() -> ThesisConfiguration.parse("docker-centos"))
        .hasMessageContaining("'docker-centos'");
  }

  @Test
  void statisticsAreTheFifteenFastestMeanAndTheMedianWithItsInterval() {
    double[] x = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = 20 - i; // 20, 19, ..., 1: unsorted on purpose
    }
    ThesisStatistics s = ThesisStatistics.of(x);
    assertThat(s.n()).isEqualTo(20);
    assertThat(s.fastestMean()).isEqualTo(8.0); // mean of 1..15
    assertThat(s.median()).isEqualTo(10.0); // nearest rank 10 of 20
    // n = 20 at 95 %: k = 6, the interval is [x(6), x(15)].
    assertThat(s.low()).isEqualTo(6.0);
    assertThat(s.high()).isEqualTo(15.0);
    assertThat(x[0]).isEqualTo(20.0);
    ThesisStatistics few = ThesisStatistics.of(new double[] {3, 1, 2});
    assertThat(few.fastestMean()).isNaN();
    assertThat(few.median()).isEqualTo(2.0);
    assertThat(few.low()).isNaN();
    assertThat(ThesisStatistics.of(new double[0]).median()).isNaN();
  }

  @Test
  void seriesShorterThanTwentyStillGiveTheStatistic() throws IOException {
    ThesisSeries s = byName().get("podman-centos-crun-vfs").test("IO read xl").stage("Exec");
    assertThat(s.seconds()).hasSize(17);
    assertThat(s.statistics().fastestMean()).isFinite();
    ThesisSeries ping = byName().get("lxd-centos-lxc-dir").test("Ping").whole();
    assertThat(ping.seconds()).isEmpty();
    assertThat(ping.statistics().fastestMean()).isNaN();
  }

  @Test
  void errorsNameTheFileAndTheField(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("docker-centos-runc-overlay.json");
    Files.writeString(
        f,
        "{\"name\": \"x\", \"measurements\": {\"Hello World\": {\"legend\": [\"Create\"],"
            + " \"data\": [[0.1, \"fast\"]]}}}");
    assertThatThrownBy(() -> ThesisData.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("measurements.\"Hello World\".data[0][1]");
    Files.writeString(
        f,
        "{\"name\": \"x\", \"measurements\": {\"Hello World\": {\"legend\": [\"a\", \"b\"], \"data\": [[1]]}}}");
    assertThatThrownBy(() -> ThesisData.read(f))
        .hasMessageContaining("1 series for 2 legend entries");
    Files.writeString(f, "{\"measurements\": {}}");
    assertThatThrownBy(() -> ThesisData.read(f)).hasMessageContaining("field name");
    Files.writeString(f, "{\"name\": \n");
    assertThatThrownBy(() -> ThesisData.read(f)).hasMessageContaining(f + ": line ");
    Path bad = dir.resolve("docker.json");
    Files.writeString(bad, "{}");
    assertThatThrownBy(() -> ThesisData.read(bad)).hasMessageContaining(bad.toString());
    assertThatThrownBy(() -> ThesisData.readAll(dir.resolve("none")))
        .hasMessageContaining("not a folder");
  }
}
