package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.files.progress.ProgressBar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {
  private static final Verdict SLO_8_S = new Verdict(8);

  private static CompareReport handMade() throws IOException {
    return CompareReport.read(
        List.of(Fixtures.resource("runs/runc-4x8"), Fixtures.resource("runs/crun-4x8")),
        Optional.of(Fixtures.resource("profile.json")),
        SLO_8_S,
        quietBar());
  }

  static ProgressBar quietBar() {
    return new ProgressBar(new PrintStream(new ByteArrayOutputStream()), "test", 1, false);
  }

  @Test
  void writesOneCsvRowPerScenarioWithFixedDecimals() throws IOException {
    assertThat(handMade().csv())
        .isEqualTo(
            "scenario,agents,slots_per_agent,runtime,runtime_source,cost,feedback_p50_s,"
                + "feedback_p95_s,feedback_p99_s,wait_p95_s,peak_queue,utilisation,rejected,"
                + "submissions,meets_slo\n"
                + "runc-4x8,4,8,runc,measured,1.6000,5.500,9.877,12.000,3.250,3,0.4124,1,5,false\n"
                + "crun-4x8,4,8,crun,measured,1.6000,4.250,7.000,8.500,1.500,2,0.3000,0,5,true\n");
  }

  @Test
  void alignsTheTableAndStatesTheVerdict() throws IOException {
    assertThat(handMade().table())
        .isEqualTo(
            "scenario  agents x slots  runtime  cost  fb p50 s  fb p95 s  fb p99 s  wait p95 s"
                + "  peak queue  util  rejected  SLO\n"
                + "--------  --------------  -------  ----  --------  --------  --------  ----------"
                + "  ----------  ----  --------  ---\n"
                + "runc-4x8  4 x 8           runc     1.60       5.5       9.9      12.0         3.3"
                + "           3   41%         1   no\n"
                + "crun-4x8  4 x 8           crun     1.60       4.3       7.0       8.5         1.5"
                + "           2   30%         0  yes\n"
                + "Rule: a scenario meets the service level when 95 % of students get feedback "
                + "within 8.0 s (feedback p95 <= 8.0 s); among those, the cheapest wins.\n"
                + "Scenarios meeting it: 1 of 2. The cheapest of them is crun-4x8: cost 1.60, feedback "
                + "p95 7.0 s, p99 8.5 s.\n");
  }

  @Test
  void marksRuntimesKnownOnlyFromTheLiterature() {
    ReportRow fc = new ReportRow("fc", 2, 4, "firecracker", 3, 1, 2, 3, 0.5, 1, 0.5, 10, 0, "");
    Verdict v = new Verdict(60);
    assertThat(CompareCsv.render(List.of(fc), v, java.util.Set.of("firecracker")))
        .contains("fc,2,4,firecracker,literature,");
    assertThat(CompareTable.render(List.of(fc), v, java.util.Set.of("firecracker")))
        .contains("firecracker (lit)");
  }

  @Test
  void warnsThatAZeroCostMeansNoPrices() {
    ReportRow free = new ReportRow("mmc", 1, 8, "none", 0, 1, 2, 3, 0.5, 1, 0.5, 10, 0, "");
    ReportRow paid = new ReportRow("runc", 2, 8, "runc", 1, 1, 2, 3, 0.5, 1, 0.5, 10, 0, "");
    assertThat(new Verdict(60).explain(List.of(paid, free)))
        .contains("cheapest of them is mmc", "sets no prices");
  }

  @Test
  void namesTheClosestScenarioWhenNoneMeetsTheLevel() throws IOException {
    CompareReport r =
        CompareReport.read(
            List.of(Fixtures.resource("runs/runc-4x8"), Fixtures.resource("runs/crun-4x8")),
            Optional.empty(),
            new Verdict(2),
            quietBar());
    assertThat(r.table())
        .contains("No scenario meets it. The closest is crun-4x8 with " + "feedback p95 7.0 s");
  }

  @Test
  void givesTheSameBytesForTheSameRuns(@TempDir Path tmp) throws IOException {
    List<Path> runs = FixtureRuns.write(tmp.resolve("runs"), FixtureRuns.THREE, 7);
    Optional<Path> profile = Optional.of(Fixtures.resource("profile.json"));
    CompareReport.read(runs, profile, SLO_8_S, quietBar()).writeTo(tmp.resolve("a"));
    CompareReport.read(runs, profile, SLO_8_S, quietBar()).writeTo(tmp.resolve("b"));
    for (String f : List.of(CompareReport.CSV, CompareReport.HTML)) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
    }
  }

  @Test
  void refusesTwoRunsOfTheSameScenarioAndWritesNothing(@TempDir Path tmp) {
    Path runc = Fixtures.resource("runs/runc-4x8");
    assertThatThrownBy(
            () ->
                CompareReport.read(List.of(runc, runc), Optional.empty(), SLO_8_S, quietBar())
                    .writeTo(tmp.resolve("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenario name 'runc-4x8'");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void namesTheMissingFileOfAnUnfinishedRun(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("summary.json"), "{\"scenario\": \"x\"}");
    assertThatThrownBy(
            () -> CompareReport.read(List.of(tmp), Optional.empty(), SLO_8_S, quietBar()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("submissions.csv: missing");
  }
}
