package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageCostTableTest {

  @Test
  void readsEachRuntimeStageAndConcurrencyInMilliseconds() throws IOException {
    StageCostTable c = StageCostTable.read(Fixtures.resource("profile.json"));
    assertThat(c.entries())
        .extracting(e -> e.runtime() + "/" + e.stage() + "/" + e.concurrency())
        .containsExactly(
            "crun/create/1",
            "crun/start/1",
            "crun/remove/1",
            "firecracker/start/1",
            "runc/create/1",
            "runc/create/4",
            "runc/start/1",
            "runc/remove/1");
    assertThat(c.entries().get(0))
        .isEqualTo(
            new StageCostTable.Entry("crun", "create", "true", 1, 30, 50, 70, 90, 55, false));
    assertThat(c.atLowestConcurrency()).hasSize(7).noneMatch(e -> e.concurrency() == 4);
  }

  @Test
  void showsMeasuredRowsOverLiteratureAndMarksLiteratureOnlyRuntimes() throws IOException {
    StageCostTable c = StageCostTable.read(Fixtures.resource("profile.json"));
    assertThat(c.entries())
        .filteredOn(e -> e.runtime().equals("runc"))
        .noneMatch(StageCostTable.Entry::literature);
    assertThat(c.literatureOnly("firecracker")).isTrue();
    assertThat(c.literatureOnly("runc")).isFalse();
    assertThat(c.literatureOnly("absent")).isFalse();
    StageCostTable.Entry fc = c.entries().get(3);
    assertThat(fc.p50Ms()).isEqualTo(125.0);
    assertThat(fc.p90Ms()).isNaN();
  }

  @Test
  void picksThePayloadWithTheMostSamples() throws IOException {
    StageCostTable c = StageCostTable.read(Fixtures.resource("profile.json"));
    assertThat(c.entries().get(4))
        .extracting(StageCostTable.Entry::payload, StageCostTable.Entry::n)
        .containsExactly("true", 30L);
  }

  @Test
  void refusesAFileThatIsNotAProfile(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("p.json");
    Files.writeString(f, "{\"schema\":\"other\",\"version\":1,\"rows\":[]}");
    assertThatThrownBy(() -> StageCostTable.read(f))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("field schema/version");
  }
}
