package io.gradesim.traces.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.canonical.CanonicalTraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue groups 4 and 7 at the readers: every reader takes a byte-order mark, rejects bytes that are
 * not UTF-8 on their line (no U+FFFD), and the import checks reject out-of-range instants, grading
 * demands over a day and a second row with the same id, naming line and field.
 */
class HostileReaderInputTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final ImportOptions UTC =
      new ImportOptions(null, ZoneOffset.UTC, null, false, null, java.util.Map.of());

  @TempDir Path dir;

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: a BOM is accepted by every import format, the CLICS contest event kept")
  void everyImporterAcceptsAByteOrderMark() throws IOException {
    for (TraceFormat format :
        List.of(TraceFormat.CLICS, TraceFormat.EJUDGE, TraceFormat.PROGSNAP2, TraceFormat.CSV)) {
      List<Submission> plain = strict(format, write(format, Samples.of(format)));
      List<Submission> marked = strict(format, write(format, withBom(Samples.of(format))));
      assertThat(marked).as(format.key()).isEqualTo(plain).isNotEmpty();
    }
    Path clics = write(TraceFormat.CLICS, withBom(Samples.of(TraceFormat.CLICS)));
    assertThat(strict(TraceFormat.CLICS, clics))
        .extracting(Submission::course)
        .as("the contest event on the first line names the course")
        .containsOnly("c");
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: a BOM is accepted by the INGInious reader (lines and array)")
  void inginiousAcceptsAByteOrderMark() throws IOException {
    String doc =
        "{\"_id\":{\"$oid\":\"65a4f0c0e4b0a1b2c3d4e5f6\"},\"courseid\":\"c\","
            + "\"taskid\":\"t\",\"username\":[\"u\"],\"submitted_on\":{\"$date\":"
            + "\"2024-01-15T09:31:00Z\"},\"status\":\"done\",\"result\":\"success\"}";
    for (String text : List.of(doc + "\n", "[" + doc + "]\n")) {
      Path in = Files.write(dir.resolve("export.json"), withBom(bytes(text)));
      List<Submission> rows = strict(TraceFormat.INGINIOUS, in);
      assertThat(rows).extracting(Submission::id).containsExactly("65a4f0c0e4b0a1b2c3d4e5f6");
    }
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: a BOM is accepted by the canonical trace reader")
  void canonicalReaderAcceptsAByteOrderMark() throws IOException {
    Path in =
        Files.write(
            dir.resolve("trace.csv"),
            withBom(bytes("id,submitted_at,course,task\na,2024-01-15T09:31:00Z,c,t\n")));
    try (Stream<Submission> s = CanonicalTraceReader.readUnique(in, RejectSink.STRICT)) {
      assertThat(s.map(Submission::id).toList()).containsExactly("a");
    }
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: invalid UTF-8 in an id is a rejection on its line, never U+FFFD")
  void invalidUtf8IsRejectedOnItsLine() throws IOException {
    byte[] bad = {'x', (byte) 0xC3, '(', 'y'};
    Path csv = dir.resolve("input.csv");
    Files.write(
        csv,
        concat(
            bytes("id,submitted_at,task\nok1,2024-01-15T09:31:00Z,t\n"),
            bad,
            bytes(",2024-01-15T09:32:00Z,t\nok2,2024-01-15T09:33:00Z,t\n")));
    assertRejectedLine(TraceFormat.CSV, csv, 3, "id");

    Path clics = dir.resolve("feed.ndjson");
    String sub =
        "{\"type\":\"submissions\",\"id\":\"ID\",\"data\":{\"id\":\"ID\",\"problem_id\":"
            + "\"A\",\"team_id\":\"1\",\"time\":\"2023-02-19T09:18:59Z\"}}\n";
    Files.write(
        clics,
        concat(
            bytes(
                "{\"type\":\"contest\",\"data\":{\"id\":\"c\",\"start_time\":"
                    + "\"2023-02-19T09:00:00Z\"}}\n"
                    + sub.replace("ID", "1")),
            replaceQ(sub.replace("ID", "Q"), bad)));
    assertRejectedLine(TraceFormat.CLICS, clics, 3, null);

    Path ing = dir.resolve("export.json");
    String doc =
        "{\"_id\":\"IDX\",\"courseid\":\"c\",\"taskid\":\"t\",\"submitted_on\":"
            + "{\"$date\":\"2024-01-15T09:31:00Z\"},\"status\":\"done\",\"result\":\"success\"}\n";
    Files.write(
        ing, concat(bytes(doc.replace("IDX", "good")), replaceQ(doc.replace("IDX", "Q"), bad)));
    assertRejectedLine(TraceFormat.INGINIOUS, ing, 2, null);
    Path array = dir.resolve("array.json");
    Files.write(
        array,
        concat(
            bytes("[\n" + doc.replace("IDX", "good").trim() + ",\n"),
            replaceQ(doc.replace("IDX", "Q").trim(), bad),
            bytes("\n]\n")));
    assertRejectedLine(TraceFormat.INGINIOUS, array, 3, "_id");

    Path canonical = dir.resolve("trace.csv");
    Files.write(
        canonical,
        concat(bytes("id,submitted_at,course,task\n"), bad, bytes(",2024-01-15T09:31:00Z,c,t\n")));
    List<TraceFormatException> rejects = new ArrayList<>();
    try (Stream<Submission> s = CanonicalTraceReader.read(canonical, rejects::add)) {
      assertThat(s.toList()).isEmpty();
    }
    assertThat(rejects)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("id");
              assertThat(e.reason()).contains("not valid UTF-8");
            });
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: a duplicate id is rejected naming its line and the first one's")
  void duplicateIdsAreRejectedWithBothLines() throws IOException {
    Path csv =
        Files.write(
            dir.resolve("input.csv"),
            bytes(
                "id,submitted_at,task\n"
                    + "a,2024-01-15T09:31:00Z,t\nb,2024-01-15T09:32:00Z,t\na,2024-01-15T09:33:00Z,t\n"));
    ImportRun run = checked(TraceFormat.CSV, csv);
    assertThat(run.rows()).extracting(Submission::id).containsExactly("a", "b");
    assertThat(run.rejects())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.field()).isEqualTo("id");
              assertThat(e.getMessage())
                  .contains("input.csv:4: id: duplicate id 'a': line 2 has it");
            });
  }

  @Test
  @Tag("hostile-4")
  @DisplayName("group 4: instants before 1970 or from 2200 on are rejected at import")
  void outOfRangeInstantsAreRejectedAtImport() throws IOException {
    Path csv =
        Files.write(
            dir.resolve("input.csv"),
            bytes(
                "id,submitted_at,task,completed_at\n"
                    + "a,2024-01-15T09:31:00Z,t,\nb,9999-12-31T23:59:59.999Z,t,\n"
                    + "c,1900-01-01T00:00:00Z,t,\nd,2024-01-15T09:31:00Z,t,2200-01-01T00:00:00Z\n"));
    ImportRun run = checked(TraceFormat.CSV, csv);
    assertThat(run.rows()).extracting(Submission::id).containsExactly("a");
    assertThat(run.rejects()).extracting(TraceFormatException::line).containsExactly(3L, 4L, 5L);
    assertThat(run.rejects())
        .extracting(TraceFormatException::field)
        .containsExactly("submitted_at", "submitted_at", "completed_at");
    assertThat(run.rejects().get(0).reason())
        .contains("out of range")
        .contains("1970-01-01T00:00:00Z")
        .contains("2200-01-01T00:00:00Z");
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: grading_ms=1e300 is rejected naming the field, not taken as Long.MAX")
  void hugeGradingTimeIsRejected() throws IOException {
    Path csv =
        Files.write(
            dir.resolve("input.csv"),
            bytes(
                "id,submitted_at,task,grading_ms\n"
                    + "a,2024-01-15T09:31:00Z,t,1e300\nb,2024-01-15T09:32:00Z,t,86400001\n"
                    + "c,2024-01-15T09:33:00Z,t,86400000\n"));
    ImportRun run = checked(TraceFormat.CSV, csv);
    assertThat(run.rows()).extracting(Submission::id).containsExactly("c");
    assertThat(run.rejects())
        .extracting(TraceFormatException::field)
        .containsExactly("grading_ms", "grading_ms");
    assertThat(run.rejects().get(0).getMessage())
        .contains("input.csv:2: grading_ms:")
        .contains("one day");
  }

  private void assertRejectedLine(TraceFormat format, Path input, long line, String field)
      throws IOException {
    ImportRun run = checked(format, input);
    assertThat(run.rows())
        .as(format.key())
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.id() + s.task() + s.course())
                    .doesNotContain("\uFFFD")
                    .doesNotContain("\uFFFF"));
    assertThat(run.rejects())
        .as(format.key())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.file()).isEqualTo(input);
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason()).contains("not valid UTF-8");
            });
  }

  private static ImportRun checked(TraceFormat format, Path input) throws IOException {
    List<TraceFormatException> rejects = new ArrayList<>();
    TraceImporter importer = format.importer();
    List<Submission> rows;
    try (Stream<Submission> s = ImportChecks.read(format, importer, input, UTC, rejects::add)) {
      rows = s.toList();
    }
    return new ImportRun(rows, rejects, importer.notes());
  }

  private static List<Submission> strict(TraceFormat format, Path input) throws IOException {
    try (Stream<Submission> s =
        ImportChecks.read(format, format.importer(), input, UTC, RejectSink.STRICT)) {
      return s.toList();
    }
  }

  private Path write(TraceFormat format, byte[] content) throws IOException {
    if (format == TraceFormat.EJUDGE) {
      Files.writeString(dir.resolve("contest.json"), Samples.EJUDGE_CONTEST);
    }
    return Files.write(dir.resolve(Samples.fileName(format)), content);
  }

  private static byte[] replaceQ(String text, byte[] with) {
    int q = text.indexOf('Q');
    return concat(bytes(text.substring(0, q)), with, bytes(text.substring(q + 1)));
  }

  private static byte[] withBom(byte[] b) {
    return concat(BOM, b);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
