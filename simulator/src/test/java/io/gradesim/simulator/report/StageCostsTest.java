package io.gradesim.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageCostsTest {

  @Test
  void readsEachRuntimeStageAndConcurrencyWithItsSource() throws IOException {
    StageCosts c = StageCosts.read(Fixtures.resource("profile.json"));
    assertThat(c.entries()).hasSize(8);
    assertThat(c.entries().get(0)).isEqualTo(new StageCosts.Entry("crun", "create", 1, 30, 50,
        70, 90, 55, false));
    assertThat(c.atLowestConcurrency()).hasSize(7)
        .noneMatch(e -> e.concurrency() == 4);
    assertThat(c.literatureOnly("firecracker")).isTrue();
    assertThat(c.literatureOnly("runc")).isFalse();
    assertThat(c.literatureOnly("absent")).isFalse();
  }

  @Test
  void convertsSecondsAndFlatListsToMilliseconds(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("p.json");
    Files.writeString(f, "{\"entries\":[{\"runtime\":\"kata\",\"stage\":\"start\","
        + "\"concurrency\":2,\"n\":5,\"source\":\"literature\","
        + "\"percentiles\":{\"p50_s\":0.5,\"p90_s\":0.75,\"p99_s\":1.0}}]}");
    assertThat(StageCosts.read(f).entries()).containsExactly(
        new StageCosts.Entry("kata", "start", 2, 5, 500, 750, 1000, Double.NaN, true));
  }

  @Test
  void refusesAProfileWithoutStageCosts(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("p.json");
    Files.writeString(f, "{\"host\":{}}");
    assertThatThrownBy(() -> StageCosts.read(f)).hasMessageContaining("no stage cost entries");
  }
}
