package io.gradesim.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.calibration.host.HostFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationProfileTest {

  @TempDir Path dir;

  private static CalibrationProfile sample() {
    HostFingerprint host =
        new HostFingerprint("cpu", 2, 1024, "6.1", new TreeMap<>(), "2026-01-01T00:00:00Z");
    RecordingInfo rec = new RecordingInfo("probe.jfr", "ab", 3, 1, 0, 0, 0.5, 10, 0, 0, null);
    return CalibrationProfile.of(
        host,
        rec,
        List.of(
            StageCostSamplerTest.row("b", "start", "true", 1, StageCost.MEASURED, Fit.fixed(2)),
            StageCostSamplerTest.row(
                "a",
                "create",
                "true",
                2,
                StageCost.MEASURED,
                StageCostSamplerTest.lognormal(100, 0.25))));
  }

  @Test
  void savesAndLoadsToTheSameBytes() throws IOException {
    Path f = dir.resolve("p.json");
    sample().save(f);
    String text = Files.readString(f);
    CalibrationProfile back = CalibrationProfile.load(f);
    assertThat(back).isEqualTo(sample());
    assertThat(back.toJson()).isEqualTo(text);
    assertThat(text).doesNotContain("\r");
    assertThat(text.indexOf("\"schema\"")).isLessThan(text.indexOf("\"version\""));
    assertThat(text.indexOf("\"runtime\" : \"a\"")).isLessThan(text.indexOf("\"runtime\" : \"b\""));
    assertThat(text).contains("\"excluded_busy\"", "\"cpu_model\"", "\"value_us\"");
  }

  @Test
  void bundledLiteratureRowsAreAllCitedLiterature() {
    CalibrationProfile lit = CalibrationProfile.bundledLiterature();
    assertThat(lit.rows()).isNotEmpty();
    assertThat(lit.rows())
        .allSatisfy(
            r -> {
              assertThat(r.source()).isEqualTo(StageCost.LITERATURE);
              assertThat(r.citation()).isNotBlank();
              assertThat(r.covers()).isNotBlank();
              assertThat(r.statistic()).isNotBlank();
              assertThat(r.fit().distribution().quantile(0.5)).isEqualTo(r.p50Us());
            });
    assertThat(lit.runtimeSources())
        .containsKeys("firecracker", "kata", "docker-runc", "docker-crun");
    StageCostSampler s = new StageCostSampler(lit);
    // The seed thesis: docker+crun create+start+exec about half of docker+runc.
    double runc =
        s.quantileMicros("docker-runc", "create", null, 1, 0.5)
            + s.quantileMicros("docker-runc", "start", null, 1, 0.5)
            + s.quantileMicros("docker-runc", "exec", null, 1, 0.5);
    double crun =
        s.quantileMicros("docker-crun", "create", null, 1, 0.5)
            + s.quantileMicros("docker-crun", "start", null, 1, 0.5)
            + s.quantileMicros("docker-crun", "exec", null, 1, 0.5);
    assertThat(runc).isEqualTo(1_046_500.0);
    assertThat(crun).isEqualTo(529_100.0);
  }

  @Test
  void mergeKeepsBothSourcesAndMeasuredWins() {
    CalibrationProfile merged = sample().merge(CalibrationProfile.bundledLiterature());
    assertThat(merged.host()).isEqualTo(sample().host());
    assertThat(merged.runtimeSources())
        .containsEntry("a", StageCost.MEASURED)
        .containsEntry("kata", StageCost.LITERATURE);
  }

  @Test
  void rejectsAnotherSchemaNamingTheFile() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("p.json"),
            "{\"schema\":\"gradesim-calibration-profile\",\"version\":9,\"rows\":[]}");
    assertThatThrownBy(() -> CalibrationProfile.load(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("version 9");
  }

  @Test
  void rejectsBrokenJsonAndBrokenFitsNamingTheFile() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schema\": ");
    assertThatThrownBy(() -> CalibrationProfile.load(broken))
        .hasMessageContaining(broken.toString());
    Path badFit =
        Files.writeString(
            dir.resolve("fit.json"),
            "{\"schema\":\"gradesim-calibration-profile\",\"version\":1,\"rows\":["
                + "{\"runtime\":\"r\",\"stage\":\"create\",\"payload\":\"true\","
                + "\"concurrency\":1,\"source\":\"measured\","
                + "\"fit\":{\"family\":\"gamma\",\"params\":{\"shape\":2}}}]}");
    assertThatThrownBy(() -> CalibrationProfile.load(badFit))
        .hasMessageContaining(badFit.toString())
        .hasMessageContaining("field fit")
        .hasMessageContaining("scale");
  }
}
