package io.gradesim.traces.format.inginious;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.TraceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InginiousImporterTest {
  @TempDir Path tmp;
  private final List<TraceFormatException> rejected = new ArrayList<>();

  private static String doc(String id, String submitted, String extra) {
    return "{\"_id\":{\"$oid\":\""
        + id
        + "\"},\"courseid\":\"c\",\"taskid\":\"t\","
        + "\"username\":[\"alice\"],\"submitted_on\":{\"$date\":"
        + submitted
        + "},"
        + "\"status\":\"done\",\"result\":\"success\""
        + extra
        + "}";
  }

  /** An ObjectId minted at {@code second}. */
  private static String oid(long second, int n) {
    return String.format("%08x%016x", second, n);
  }

  private List<Submission> importText(String text, ImportOptions options) throws Exception {
    Path file = tmp.resolve("submissions.json");
    Files.writeString(file, text);
    try (Stream<Submission> s =
        TraceFormat.INGINIOUS.importer().read(file, options, rejected::add)) {
      return s.toList();
    }
  }

  @Test
  void readsAJsonArrayWithCanonicalDatesAndShiftsToUtc() throws Exception {
    long utc = Instant.parse("2024-01-15T08:31:20Z").getEpochSecond();
    long localMs = (utc + 3600) * 1000 + 523;
    String text =
        "["
            + doc(
                oid(utc, 1),
                "{\"$numberLong\":\"" + localMs + "\"}",
                ",\"archive\":{\"$oid\":\"" + oid(utc + 5, 2) + "\"}")
            + ",\n"
            + doc(oid(utc + 10, 3), "{\"$numberLong\":\"" + (localMs + 10_000) + "\"}", "")
            + "]";

    List<Submission> rows = importText(text, ImportOptions.defaults());

    assertThat(rejected).isEmpty();
    assertThat(rows)
        .extracting(Submission::submittedAt)
        .containsExactly(
            Instant.parse("2024-01-15T08:31:20.523Z"), Instant.parse("2024-01-15T08:31:30.523Z"));
    assertThat(rows.get(0).completedAt()).isEqualTo(Instant.ofEpochSecond(utc + 5));
    assertThat(rows.get(1).completedAt()).isNull();
  }

  @Test
  void readsPrettyPrintedJsonLines() throws Exception {
    long utc = 1_705_307_480L;
    String pretty =
        "{\n\t\"_id\": {\n\t\t\"$oid\": \""
            + oid(utc, 1)
            + "\"\n\t},\n"
            + "\t\"courseid\": \"c\",\n\t\"taskid\": \"t\",\n"
            + "\t\"submitted_on\": {\n\t\t\"$date\": \"2024-01-15T08:31:20.500Z\"\n\t}\n}\n";

    List<Submission> rows = importText(pretty + pretty, ImportOptions.defaults());

    assertThat(rejected).isEmpty();
    assertThat(rows).hasSize(2);
  }

  @Test
  void leavesCompletionEmptyForAReplayedSubmission() throws Exception {
    long utc = 1_705_307_480L;
    String text =
        doc(
                oid(utc, 1),
                "\"2024-01-15T09:31:20.000Z\"",
                ",\"archive\":{\"$oid\":\""
                    + oid(utc + 3, 2)
                    + "\"},\"last_replay\":{\"$date\":\"2024-01-15T11:00:00Z\"}")
            + "\n";

    List<Submission> rows = importText(text, ImportOptions.defaults());

    assertThat(rows)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.completedAt()).isNull();
              assertThat(s.result()).isEqualTo("success");
            });
  }

  @Test
  void mapsAnErrorWithoutResultToCrash() throws Exception {
    String text =
        "{\"_id\":{\"$oid\":\""
            + oid(1_705_307_480L, 1)
            + "\"},\"courseid\":\"c\","
            + "\"taskid\":\"t\",\"username\":[\"bob\"],\"submitted_on\":{\"$date\":"
            + "\"2024-01-15T09:31:20Z\"},\"status\":\"error\",\"archive\":null,"
            + "\"text\":\"Agent restarted\"}\n";

    assertThat(importText(text, ImportOptions.defaults()))
        .singleElement()
        .extracting(Submission::result)
        .isEqualTo("crash");
  }

  @Test
  void pseudonymisesEveryMemberOfAGroup() throws Exception {
    String text =
        doc(oid(1_705_307_480L, 1), "\"2024-01-15T09:31:20Z\"", "")
                .replace("[\"alice\"]", "[\"alice\",\"bob\"]")
            + "\n";

    Submission s = importText(text, ImportOptions.defaults()).get(0);
    Submission kept =
        importText(text, new ImportOptions(null, null, null, true, null, Map.of())).get(0);

    assertThat(s.users()).hasSize(2).doesNotContain("alice", "bob").doesNotHaveDuplicates();
    assertThat(kept.users()).containsExactly("alice", "bob");
  }

  @Test
  void zoneGivenWithTzIsUsedWithItsDaylightSavingRules() throws Exception {
    // July in Brussels is UTC+2; the _id time would suggest nothing useful (plain string id).
    String text = doc(oid(0, 1), "\"2024-07-01T10:00:00Z\"", "") + "\n";
    ImportOptions brussels =
        new ImportOptions(null, ZoneId.of("Europe/Brussels"), null, false, null, Map.of());

    assertThat(importText(text, brussels).get(0).submittedAt())
        .isEqualTo(Instant.parse("2024-07-01T08:00:00Z"));
  }

  @Test
  void rejectsATruncatedLineAndReadsTheNextOne() throws Exception {
    long utc = 1_705_307_480L;
    String good = doc(oid(utc, 1), "\"2024-01-15T09:31:20Z\"", "");
    String text = good + "\n" + good.substring(0, 60) + "\n" + good + "\n";

    List<Submission> rows = importText(text, ImportOptions.defaults());

    assertThat(rows).hasSize(2);
    assertThat(rejected)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).contains("malformed JSON");
            });
  }

  @Test
  void strictSinkStopsAtTheFirstBadDocument() throws Exception {
    Path file = tmp.resolve("s.json");
    Files.writeString(file, "{\"_id\":{\"$oid\":\"" + oid(1, 1) + "\"},\"courseid\":\"c\"}\n");

    assertThatThrownBy(
            () -> {
              try (Stream<Submission> s =
                  TraceFormat.INGINIOUS
                      .importer()
                      .read(
                          file,
                          new ImportOptions(null, ZoneId.of("UTC"), null, false, null, Map.of()),
                          RejectSink.STRICT)) {
                s.toList();
              }
            })
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("s.json:1: taskid");
  }

  @Test
  void joinsLegacyTaskYamlAndAppliesInginiousDefaults() throws Exception {
    Path course = Files.createDirectories(tmp.resolve("tasks/c/t"));
    Files.writeString(
        course.resolve("task.yaml"),
        "name: T\nenvironment: java8\nlimits:\n" + "  time: '15'\nproblems: {}\n");
    Files.createDirectories(tmp.resolve("tasks/c/m"));
    Files.writeString(tmp.resolve("tasks/c/m/task.yaml"), "environment: mcq\nproblems: {}\n");
    Files.createDirectories(tmp.resolve("tasks/c/d"));
    Files.writeString(
        tmp.resolve("tasks/c/d/task.yaml"),
        "environment_type: docker\nenvironment_id: default\nproblems: {}\n");
    String line = doc(oid(1_705_307_480L, 1), "\"2024-01-15T09:31:20Z\"", "");
    String text =
        line + "\n" + line.replace("\"t\"", "\"m\"") + "\n" + line.replace("\"t\"", "\"d\"") + "\n";

    List<Submission> rows =
        importText(
            text, new ImportOptions(tmp.resolve("tasks"), null, null, false, null, Map.of()));

    assertThat(rows)
        .extracting(
            s -> s.environment() + " " + s.cpuLimitS() + " " + s.hardLimitS() + " " + s.memoryMb())
        .containsExactly(
            "docker/java8 15.0 45.0 1024",
            "mcq/mcq null null null",
            "docker/default 20.0 60.0 1024");
  }
}
