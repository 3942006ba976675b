package io.gradesim.traces.format.clics;

import static io.gradesim.traces.format.ImportRun.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.ImportRun;
import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClicsFeedImporterTest {
  private static final String CONTEST =
      "{\"type\":\"contest\",\"id\":\"c1\","
          + "\"data\":{\"id\":\"c1\","
          + "\"start_time\":\"2023-02-19T09:00:00.000+01:00\"},\"token\":\"t0\"}";

  @TempDir Path dir;

  @Test
  void importsTheSwercFeedWithTheCountsAndDurationsOfItsReadme() throws IOException {
    Path feed = SharedData.require("traces-real/swerc2022-domjudge/event-feed-filtered.ndjson");
    ImportRun run = ImportRun.of(new ClicsFeedImporter(), feed, ImportOptions.defaults());

    assertThat(run.rejects()).isEmpty();
    assertThat(run.rows()).hasSize(1322);
    assertThat(run.gradingMs()).hasSize(1007);
    assertThat(run.rows()).filteredOn(s -> s.completedAt() == null).hasSize(315);
    assertThat(run.first()).isEqualTo(Instant.parse("2023-02-19T08:18:59.044Z"));
    assertThat(run.last()).isEqualTo(Instant.parse("2023-02-19T13:14:59.873Z"));
    assertThat(run.users()).isEqualTo(120);
    List<Long> ms = run.gradingMs();
    assertThat(percentile(ms, 0.50) / 1000.0).isCloseTo(3.8, within(0.05));
    assertThat(percentile(ms, 0.99) / 1000.0).isCloseTo(9.8, within(0.05));
    assertThat(ms.get(ms.size() - 1)).isEqualTo(12_388L);
    assertThat(run.withResult("success")).isEqualTo(497);
    assertThat(run.withResult("failed")).isEqualTo(402);
    assertThat(run.withResult("timeout")).isEqualTo(65);
    assertThat(run.withResult("crash")).isEqualTo(42);
    assertThat(run.withResult("error")).isEqualTo(1);
    assertThat(run.rows().get(0).environment()).isEqualTo("docker/cpp");
    assertThat(run.rows().get(0).course()).isEqualTo("swerc2022");
    assertThat(run.notes())
        .singleElement()
        .asString()
        .contains("2023-02-19T08:15:00Z", "1007 submissions judged", "315 without");
    System.out.println("SWERC feed: " + run.notes());
  }

  @Test
  void agreesRowByRowWithTheFlatCsvDerivedFromTheFeed() throws IOException {
    Path feed = SharedData.require("traces-real/swerc2022-domjudge/event-feed-filtered.ndjson");
    List<String[]> flat =
        Files.readAllLines(SharedData.require("traces-real/swerc2022-domjudge/submissions.csv"))
            .stream()
            .skip(1)
            .map(l -> l.split(",", -1))
            .toList();
    List<Submission> rows =
        ImportRun.of(new ClicsFeedImporter(), feed, ImportOptions.defaults()).rows();

    assertThat(rows)
        .extracting(Submission::id)
        .containsExactlyElementsOf(flat.stream().map(f -> f[0]).toList());
    // The flat file subtracts contest times, the importer absolute times: each is rounded to
    // the millisecond on its own, so they may differ by 1 ms.
    for (int i = 0; i < rows.size(); i++) {
      String duration = flat.get(i)[9];
      Long ms = rows.get(i).gradingMs();
      if (duration.isEmpty()) {
        assertThat(ms).as("submission %s", rows.get(i).id()).isNull();
      } else {
        assertThat(ms)
            .as("submission %s", rows.get(i).id())
            .isCloseTo(Math.round(Double.parseDouble(duration) * 1000), within(1L));
      }
    }
  }

  @Test
  void keepsTheLastVersionOfAJudgementThatIsRepublishedWhileTestsRun() throws IOException {
    Path feed =
        feed(
            CONTEST,
            submission("s1", "2023-02-19T09:10:00.000+01:00"),
            judgement("j1", "s1", "09:10:01.000", null, null),
            judgement("j1", "s1", "09:10:01.000", "09:10:02.000", "RTE"),
            judgement("j1", "s1", "09:10:01.000", "09:10:04.500", "RTE"),
            submission("s2", "2023-02-19T09:20:00.000+01:00"));
    ImportRun run = ImportRun.of(new ClicsFeedImporter(), feed, ImportOptions.defaults());

    assertThat(run.rows()).extracting(Submission::id).containsExactly("s1", "s2");
    Submission s1 = run.rows().get(0);
    assertThat(s1.gradingMs()).isEqualTo(3500L);
    assertThat(s1.completedAt()).isEqualTo(Instant.parse("2023-02-19T08:10:04.500Z"));
    assertThat(s1.result()).isEqualTo("crash");
    assertThat(s1.users()).singleElement().asString().startsWith("u").doesNotContain("team");
    Submission s2 = run.rows().get(1);
    assertThat(s2.gradingMs()).isNull();
    assertThat(s2.completedAt()).isNull();
    assertThat(s2.result()).isNull();
  }

  @Test
  void holdsOnlyTheSubmissionsWaitingForAFinalJudgement() throws IOException {
    // 5,000 submissions one second apart, each judged in 2 s: only the last 5 minutes of
    // submissions (the settling window) may be held, not the feed.
    Path feed = dir.resolve("long.ndjson");
    Instant t0 = Instant.parse("2023-02-19T08:00:00Z");
    try (var out = Files.newBufferedWriter(feed)) {
      out.write(CONTEST + "\n");
      for (int i = 0; i < 5_000; i++) {
        Instant at = t0.plusSeconds(i);
        out.write(
            "{\"type\":\"submissions\",\"id\":\""
                + i
                + "\",\"data\":{\"id\":\""
                + i
                + "\",\"problem_id\":\"A\",\"team_id\":\"t\",\"time\":\""
                + at
                + "\"}}\n");
        out.write(
            "{\"type\":\"judgements\",\"id\":\"j"
                + i
                + "\",\"data\":{\"id\":\"j"
                + i
                + "\",\"submission_id\":\""
                + i
                + "\",\"judgement_type_id\":\"AC\",\"start_time\":\""
                + at.plusSeconds(1)
                + "\",\"end_time\":\""
                + at.plusSeconds(2)
                + "\"}}\n");
      }
    }
    ClicsFeedImporter importer = new ClicsFeedImporter();
    ImportRun run = ImportRun.of(importer, feed, ImportOptions.defaults());

    assertThat(run.rows()).hasSize(5_000);
    assertThat(run.gradingMs()).containsOnly(1000L);
    assertThat(importer.peakPending()).isBetween(300, 303);
  }

  @Test
  void readsTheOlderOpShapeAndContestTimesFromTheStart() throws IOException {
    Path feed =
        feed(
            "{\"id\":\"1\",\"type\":\"contests\",\"op\":\"create\",\"data\":{\"id\":\"old\"}}",
            "{\"id\":\"2\",\"type\":\"state\",\"op\":\"update\",\"data\":"
                + "{\"started\":\"2019-04-05T10:00:00.000+02\"}}",
            "{\"id\":\"3\",\"type\":\"submissions\",\"op\":\"create\",\"data\":{\"id\":\"7\","
                + "\"team_id\":\"t\",\"problem_id\":\"p\",\"contest_time\":\"1:00:00.250\"}}",
            "{\"id\":\"4\",\"type\":\"submissions\",\"op\":\"create\",\"data\":{\"id\":\"8\","
                + "\"team_id\":\"t\",\"problem_id\":\"p\",\"contest_time\":\"1:01:00\"}}",
            "{\"id\":\"5\",\"type\":\"submissions\",\"op\":\"delete\",\"data\":{\"id\":\"8\"}}");
    ImportRun run = ImportRun.of(new ClicsFeedImporter(), feed, ImportOptions.defaults());

    assertThat(run.rows())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.submittedAt()).isEqualTo(Instant.parse("2019-04-05T09:00:00.250Z"));
              assertThat(s.course()).isEqualTo("old");
              assertThat(s.environment()).isEqualTo("docker/default");
            });
    assertThat(run.notes()).anyMatch(n -> n.contains("1 submissions deleted"));
  }

  @Test
  void rejectsBadLinesWithTheirLineAndField() throws IOException {
    Path feed =
        feed(
            CONTEST,
            "{not json",
            "{\"type\":\"submissions\",\"id\":\"s1\",\"data\":{\"id\":\"s1\",\"team_id\":\"t\","
                + "\"time\":\"2023-02-19T09:10:00+01:00\"}}",
            submission("s2", "2023-02-19T09:11:00.000+01:00"),
            judgement("j2", "s2", "09:11:05.000", "09:11:01.000", "AC"));
    ImportRun run = ImportRun.of(new ClicsFeedImporter(), feed, ImportOptions.defaults());

    assertThat(run.rejects())
        .extracting(TraceFormatException::line, TraceFormatException::field)
        .containsExactly(tuple(2L, null), tuple(3L, "problem_id"), tuple(5L, "end_time"));
    assertThat(run.rows()).extracting(Submission::id).containsExactly("s2");
    assertThatThrownBy(
            () ->
                new ClicsFeedImporter()
                    .read(feed, ImportOptions.defaults(), RejectSink.STRICT)
                    .toList())
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining(":2: not JSON");
  }

  @Test
  void refusesAFeedWithoutItsContestAndReadsGzip() throws IOException {
    Path headless = feed(submission("s1", "2023-02-19T09:10:00.000+01:00"));
    assertThatThrownBy(
            () -> ImportRun.of(new ClicsFeedImporter(), headless, ImportOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":1: type: a submission before any contest event");

    Path gz = dir.resolve("feed.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(
          Files.readAllBytes(feed(CONTEST, submission("s1", "2023-02-19T09:10:00.000+01:00"))));
    }
    assertThat(ImportRun.of(new ClicsFeedImporter(), gz, ImportOptions.defaults()).rows())
        .extracting(Submission::id)
        .containsExactly("s1");
  }

  private Path feed(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "feed", ".ndjson");
    return Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static String submission(String id, String time) {
    return "{\"type\":\"submissions\",\"id\":\""
        + id
        + "\",\"data\":{\"id\":\""
        + id
        + "\",\"problem_id\":\"A\",\"team_id\":\"team42\",\"language_id\":\"cpp\",\"time\":\""
        + time
        + "\"},\"token\":\"x\"}";
  }

  private static String judgement(String id, String sub, String start, String end, String type) {
    String day = "2023-02-19T";
    return "{\"type\":\"judgements\",\"id\":\""
        + id
        + "\",\"data\":{\"id\":\""
        + id
        + "\",\"submission_id\":\""
        + sub
        + "\",\"start_time\":\""
        + day
        + start
        + "+01:00\""
        + (end == null ? "" : ",\"end_time\":\"" + day + end + "+01:00\"")
        + (type == null ? "" : ",\"judgement_type_id\":\"" + type + "\"")
        + "}}";
  }
}
