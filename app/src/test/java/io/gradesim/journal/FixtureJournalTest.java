package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by gradesim before its simulator was split into the simulator, journal, report
 * and app modules (and its packages renamed) still reads: the H2 file and the outputs the run wrote
 * are fixtures, kept as that version wrote them. {@code runs list} shows the run finished and
 * {@code runs export} rebuilds its CSV outputs byte for byte, and its summary with the keys added
 * since (the pool, read from the journaled scenario) and nothing else changed, beside the histogram
 * logs that version did not write.
 */
class FixtureJournalTest {
  private static final String RUN = "fixture-before-split";
  private static final List<String> OUTPUTS = List.of("submissions.csv", "timeseries.csv");

  /** The lines summary.json gained after that version, inserted after its epoch. */
  private static final String POOL_LINES =
      "  \"runtime\" : \"docker-runc\",\n  \"agents\" : 2,\n  \"slots_per_agent\" : 8,\n";

  @Test
  void aJournalWrittenBeforeTheModuleSplitListsAndExportsByteIdentical(@TempDir Path tmp)
      throws Exception {
    Path fixture = fixture();
    Path home = tmp.resolve("home");
    Files.createDirectories(home.resolve("journal"));
    for (String f : List.of("runs.mv.db", "runs.commits")) {
      Files.copy(fixture.resolve("journal").resolve(f), home.resolve("journal").resolve(f));
    }

    JournalCli.Result list = JournalCli.run(home, "runs", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out())
        .containsPattern(
            RUN + "\\s+inginious-today.conf\\s+trace.csv\\s+" + "finished\\s+\\S+\\s+222\\s");

    Path out = tmp.resolve("export");
    JournalCli.Result export = JournalCli.run(home, "runs", "export", RUN, "--out", out.toString());
    assertThat(export.code()).as(export.err()).isZero();
    for (String f : OUTPUTS) {
      assertThat(Files.readAllBytes(out.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(fixture.resolve("out").resolve(f)));
    }
    String before = Files.readString(fixture.resolve("out").resolve("summary.json"));
    int afterEpoch = before.indexOf('\n', before.indexOf("\"epoch\"")) + 1;
    assertThat(Files.readString(out.resolve("summary.json")))
        .isEqualTo(before.substring(0, afterEpoch) + POOL_LINES + before.substring(afterEpoch));
    assertThat(Files.readString(out.resolve("feedback.hlog")))
        .contains(
            "#[StartTime: 1705305632.007 (seconds since epoch), " + "2024-01-15T08:00:32.007000Z]");
    assertThat(out.resolve("wait.hlog")).isRegularFile();
  }

  private static Path fixture() throws IOException, URISyntaxException {
    Path p =
        Path.of(
            FixtureJournalTest.class
                .getResource("/journal-fixture/v0.1-before-split/journal/runs.mv.db")
                .toURI());
    return p.getParent().getParent();
  }
}
