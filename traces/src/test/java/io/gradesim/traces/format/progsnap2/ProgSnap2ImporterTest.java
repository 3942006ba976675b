package io.gradesim.traces.format.progsnap2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.ImportRun;
import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgSnap2ImporterTest {
  private static final ImportOptions UTC =
      new ImportOptions(null, ZoneOffset.UTC, null, false, null, Map.of());
  private static final String HEADER =
      "\"EventType\",\"EventID\",\"Order\",\"SubjectID\","
          + "\"ToolInstances\",\"CodeStateID\",\"ServerTimestamp\",\"ProblemID\",\"Correct\"";

  @TempDir Path dir;

  @Test
  void importsTheItapSubmitEventsWithTheCountsOfItsReadme() throws IOException {
    Path table = SharedData.require("traces-real/csedm2019-itap/MainTable.csv");
    ProgSnap2Importer importer = new ProgSnap2Importer();
    ImportRun run = ImportRun.of(importer, table, UTC);

    assertThat(run.rejects()).isEmpty();
    assertThat(run.rows()).hasSize(2801);
    assertThat(importer.skipped()).containsExactly(Map.entry("X-HintRequest", 307L));
    assertThat(run.notes())
        .containsExactly("skipped 307 events that are not Submit: {X-HintRequest=307}");
    assertThat(run.users()).isEqualTo(88); // 89 students, one of them only asked for hints
    // Rows are grouped by student, so the extremes are not the first and last rows.
    assertThat(run.first()).isEqualTo(Instant.parse("2016-01-19T22:06:00Z"));
    assertThat(run.last()).isEqualTo(Instant.parse("2016-03-22T17:51:00Z"));
    assertThat(run.rows().get(0).submittedAt()).isEqualTo(Instant.parse("2016-02-05T19:46:00Z"));
    assertThat(run.withResult("success")).isEqualTo(763);
    assertThat(run.withResult("failed")).isEqualTo(2011);
    assertThat(run.withResult(null)).isEqualTo(27);
    assertThat(run.rows().stream().map(Submission::task).distinct()).hasSize(38);
    assertThat(run.rows().get(0).course()).isEqualTo("csedm2019-itap");
    assertThat(run.gradingMs()).isEmpty();
  }

  @Test
  void refusesZonelessTimestampsWithoutTzNamingTheField() {
    Path table = SharedData.require("traces-real/csedm2019-itap/MainTable.csv");
    assertThatThrownBy(() -> ImportRun.of(new ProgSnap2Importer(), table, ImportOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MainTable.csv:2: ServerTimestamp: '2016-02-05T19:46:00' has no zone")
        .hasMessageContaining("--tz");
  }

  @Test
  void takesTheZoneFromTheMetadataOrTheValueAndRejectsBadRows() throws IOException {
    Files.writeString(
        dir.resolve("DatasetMetadata.csv"),
        "\"Property\",\"Value\"\n\"Version\",\"6\"\n\"TimezoneOffset\",\"-05:00\"\n");
    Path table =
        Files.writeString(
            dir.resolve("MainTable.csv"),
            String.join(
                "\n",
                HEADER,
                "\"Submit\",\"e1\",1,\"S1\",\"T\",1,\"2016-02-05T19:46:00\",\"p\",TRUE",
                "\"Submit\",\"e2\",2,\"S1\",\"T\",2,\"2016-02-05T19:47:00Z\",\"p\",NA",
                "\"Run.Program\",\"e3\",3,\"S1\",\"T\",3,\"2016-02-05T19:48:00\",\"p\",NA",
                "\"Submit\",\"e4\",4,\"S1\",\"T\",4,\"2016-02-05 late\",\"p\",TRUE",
                "\"Submit\",\"e5\",5,\"S1\",\"T\",5,\"2016-02-05T19:49:00\",\"p\",MAYBE",
                "\"Submit\",\"e6\",6,\"\",\"T\",6,\"2016-02-05T19:50:00\",\"p\",FALSE"));
    ImportRun run = ImportRun.of(new ProgSnap2Importer(), table, ImportOptions.defaults());

    assertThat(run.rows())
        .extracting(Submission::id, Submission::submittedAt, Submission::result)
        .containsExactly(
            tuple("e1", Instant.parse("2016-02-06T00:46:00Z"), "success"),
            tuple("e2", Instant.parse("2016-02-05T19:47:00Z"), null));
    assertThat(run.rejects())
        .extracting(TraceFormatException::line, TraceFormatException::field)
        .containsExactly(
            tuple(5L, "ServerTimestamp"), tuple(6L, "Correct"), tuple(7L, "SubjectID"));
    assertThat(run.notes())
        .containsExactly("skipped 1 events that are not Submit: {Run.Program=1}");
  }
}
