package io.gradesim.traces.format.csv;

import static io.gradesim.traces.format.ImportRun.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.ImportRun;
import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedCsvImporterTest {
  @TempDir Path dir;

  private static ImportOptions map(Map<String, String> columns) {
    return new ImportOptions(null, null, null, false, null, columns);
  }

  @Test
  void importsTheSwercFlatCsvThroughAColumnMap() throws IOException {
    Path flat = SharedData.require("traces-real/swerc2022-domjudge/submissions.csv");
    ImportRun run =
        ImportRun.of(
            new MappedCsvImporter(),
            flat,
            map(
                Map.of(
                    "submission_id",
                    "id",
                    "submit_time",
                    "submitted_at",
                    "problem_id",
                    "task",
                    "team_id",
                    "users",
                    "language_id",
                    "environment",
                    "judge_duration_s",
                    "grading_s",
                    "verdict",
                    "result")));

    assertThat(run.rejects()).isEmpty();
    assertThat(run.rows()).hasSize(1322);
    assertThat(run.users()).isEqualTo(120);
    assertThat(run.first()).isEqualTo(Instant.parse("2023-02-19T08:18:59.044Z"));
    assertThat(run.last()).isEqualTo(Instant.parse("2023-02-19T13:14:59.873Z"));
    assertThat(run.gradingMs()).hasSize(1007);
    assertThat(percentile(run.gradingMs(), 0.50) / 1000.0).isCloseTo(3.8, within(0.05));
    assertThat(percentile(run.gradingMs(), 0.99) / 1000.0).isCloseTo(9.8, within(0.05));
    assertThat(run.gradingMs().get(1006)).isEqualTo(12_388L);
    assertThat(run.withResult("success")).isEqualTo(497);
    assertThat(run.withResult(null)).isEqualTo(315);
    assertThat(run.rows().get(0).course()).isEqualTo("submissions");
  }

  @Test
  void mapsCanonicalColumnsByNameAndGeneratesIdsFromLines() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("lab.csv"),
            String.join(
                "\n",
                "when,course,task,users,grading_ms,result,memory_mb",
                "1700000000,c,t,ann;bob,1500,WA,256",
                "1700000000250,c,t,,,success,",
                "2023-11-14T22:13:21+01:00,c,t,,,,"));
    ImportRun run = ImportRun.of(new MappedCsvImporter(), csv, map(Map.of("when", "submitted_at")));

    assertThat(run.rejects()).isEmpty();
    assertThat(run.rows())
        .extracting(
            Submission::id,
            Submission::submittedAt,
            Submission::gradingMs,
            Submission::result,
            Submission::memoryMb)
        .containsExactly(
            tuple("L2", Instant.parse("2023-11-14T22:13:20Z"), 1500L, "failed", 256L),
            tuple("L3", Instant.parse("2023-11-14T22:13:20.250Z"), null, "success", null),
            tuple("L4", Instant.parse("2023-11-14T21:13:21Z"), null, null, null));
    assertThat(run.rows().get(0).users()).hasSize(2).allMatch(u -> u.startsWith("u"));
  }

  @Test
  void rejectsBadValuesNamingTheInputColumn() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("bad.csv"),
            String.join(
                "\n",
                "at,task,verdict,ms",
                "2023-01-01T00:00:00Z,t,maybe,1",
                "2023-01-01T00:00:01Z,t,AC,-4",
                "soon,t,AC,1",
                "2023-01-01T00:00:02Z,,AC,1",
                "2023-01-01T00:00:03Z,t,AC,2"));
    ImportRun run =
        ImportRun.of(
            new MappedCsvImporter(),
            csv,
            map(
                Map.of(
                    "at",
                    "submitted_at",
                    "task",
                    "task",
                    "verdict",
                    "result",
                    "ms",
                    "grading_ms")));

    assertThat(run.rejects())
        .extracting(TraceFormatException::line, TraceFormatException::field)
        .containsExactly(tuple(2L, "verdict"), tuple(3L, "ms"), tuple(4L, "at"), tuple(5L, "task"));
    assertThat(run.rows()).extracting(Submission::id).containsExactly("L6");
    assertThat(run.rows().get(0).course()).isEqualTo("bad");
  }

  @Test
  void explainsMappingMistakesBeforeReadingRows() throws IOException {
    Path csv = Files.writeString(dir.resolve("x.csv"), "at,problem\n2023-01-01T00:00:00,p\n");
    assertThatThrownBy(
            () -> ImportRun.of(new MappedCsvImporter(), csv, map(Map.of("at", "submitted_at"))))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("x.csv:1: task: no column maps to this required field")
        .hasMessageContaining("--map COLUMN=task")
        .hasMessageContaining("the header has: at, problem");
    assertThatThrownBy(
            () ->
                ImportRun.of(
                    new MappedCsvImporter(),
                    csv,
                    map(Map.of("at", "submitted", "problem", "task"))))
        .hasMessageContaining("unknown field 'submitted'");
    assertThatThrownBy(
            () ->
                ImportRun.of(
                    new MappedCsvImporter(),
                    csv,
                    map(Map.of("time", "submitted_at", "problem", "task"))))
        .hasMessageContaining("x.csv:1: time: --map names a column the file does not have");
    assertThatThrownBy(
            () ->
                ImportRun.of(
                    new MappedCsvImporter(),
                    csv,
                    map(Map.of("at", "submitted_at", "problem", "task"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.csv:2: at: '2023-01-01T00:00:00' has no zone");
    ImportOptions paris =
        new ImportOptions(
            null,
            ZoneId.of("Europe/Paris"),
            null,
            false,
            null,
            Map.of("at", "submitted_at", "problem", "task"));
    assertThat(ImportRun.of(new MappedCsvImporter(), csv, paris).first())
        .isEqualTo(Instant.parse("2022-12-31T23:00:00Z"));
  }
}
