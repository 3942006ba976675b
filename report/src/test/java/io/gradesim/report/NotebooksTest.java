package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Executes each notebook of {@code notebooks/} headless with {@code jupyter nbconvert --execute} on
 * compare outputs built from fixture runs, and checks that it writes its figures.
 */
class NotebooksTest {
  @TempDir static Path tmp;
  static Path jupyter;
  static Path out;

  @BeforeAll
  static void buildOutputs() throws IOException {
    jupyter =
        ExternalTool.require(
            "jupyter",
            "Debian packages jupyter-nbconvert "
                + "python3-ipykernel python3-pandas python3-matplotlib");
    out = tmp.resolve("out");
    List<Path> runs = FixtureRuns.write(out.resolve("runs"), FixtureRuns.THREE, 7);
    CompareReport.read(runs, Optional.empty(), new Verdict(60), CompareReportTest.quietBar())
        .writeTo(out);
    Files.copy(Fixtures.resource("profile.json"), out.resolve("profile.json"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "compare.ipynb, compare-feedback-p95.png;compare-cost.png;compare-tradeoff.png",
    "feedback.ipynb, runs/crun-4x4/feedback-cdf.png;runs/crun-4x4/wait-over-arrival.png",
    "profile.ipynb, profile-stage-costs.png"
  })
  void notebookRunsAndWritesItsFigures(String notebook, String figures) throws Exception {
    Path source = SharedData.projectRoot().resolve("notebooks").resolve(notebook);
    assertThat(source).isRegularFile();
    Path executed = Files.createTempDirectory(tmp, "executed");
    ExternalTool.Result r =
        ExternalTool.run(
            List.of(
                jupyter.toString(),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--output-dir",
                executed.toString(),
                source.toString()),
            executed,
            Map.of(
                "GRADESIM_OUT", out.toString(), "MPLCONFIGDIR", executed.resolve("mpl").toString()),
            300);
    assertThat(r.exit()).as("nbconvert stderr:%n%s", r.err()).isZero();
    assertThat(executed.resolve(notebook)).isRegularFile();
    for (String figure : figures.split(";")) {
      Path png = out.resolve(figure);
      assertThat(png).as(figure).isRegularFile();
      byte[] head = Files.readAllBytes(png);
      assertThat(head.length).as("%s size", figure).isGreaterThan(5_000);
      assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("PNG");
    }
  }
}
