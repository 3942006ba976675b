package io.gradesim.traces.format.ejudge;

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
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EjudgeRunLogImporterTest {
  private static final ImportOptions MOSCOW =
      new ImportOptions(null, ZoneId.of("Europe/Moscow"), null, false, null, Map.of());

  @TempDir Path dir;

  @Test
  void importsDayOneWithTheCountsOfItsReadme() throws IOException {
    Path runs = SharedData.require("traces-real/openolymp2023-ejudge/day1_runs.csv");
    ImportRun run = ImportRun.of(new EjudgeRunLogImporter(), runs, MOSCOW);

    assertThat(run.rejects()).isEmpty();
    assertThat(run.rows()).hasSize(12_120);
    assertThat(run.users()).isEqualTo(429);
    // 10:10:00 Moscow (UTC+3) + 309.575 s and + 18,392.653 s (a user with extra time)
    assertThat(run.first()).isEqualTo(Instant.parse("2023-03-08T07:15:09.575Z"));
    assertThat(run.last()).isEqualTo(Instant.parse("2023-03-08T12:16:32.653Z"));
    assertThat(run.withResult("success")).isEqualTo(267);
    assertThat(run.withResult("failed")).isEqualTo(11_497);
    assertThat(run.withResult("error")).isEqualTo(356);
    assertThat(run.gradingMs()).isEmpty();
    Submission first = run.rows().get(0);
    assertThat(first.id()).isEqualTo("5");
    assertThat(first.course()).isEqualTo("day1");
    assertThat(first.task()).isEqualTo("DOOM");
    assertThat(first.environment()).isEqualTo("docker/g++");
    assertThat(first.users()).singleElement().asString().isNotEqualTo("u001").hasSize(25);
  }

  @Test
  void importsDayTwoWithTheCountsOfItsReadme() throws IOException {
    Path runs = SharedData.require("traces-real/openolymp2023-ejudge/day2_runs.csv");
    ImportRun run = ImportRun.of(new EjudgeRunLogImporter(), runs, MOSCOW);

    assertThat(run.rejects()).isEmpty();
    assertThat(run.rows()).hasSize(15_485);
    assertThat(run.users()).isEqualTo(420);
    assertThat(run.first()).isEqualTo(Instant.parse("2023-03-09T07:22:27.351Z"));
    assertThat(run.last()).isEqualTo(Instant.parse("2023-03-09T12:20:28.873Z"));
    assertThat(run.withResult("success")).isEqualTo(494);
    assertThat(run.withResult("error")).isEqualTo(442);
  }

  @Test
  void refusesTheRealContestWithoutAZoneAndSaysHowToGiveOne() {
    Path runs = SharedData.require("traces-real/openolymp2023-ejudge/day1_runs.csv");
    assertThatThrownBy(
            () -> ImportRun.of(new EjudgeRunLogImporter(), runs, ImportOptions.defaults()))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("day1_contest.json: start_time_local: '2023-03-08 10:10:00'")
        .hasMessageContaining("--tz");
  }

  @Test
  void takesTheZoneFromTheContestFileAndRejectsBadRuns() throws IOException {
    Files.writeString(
        dir.resolve("final-contest.json"),
        "{\"contest_id\":\"oly\",\"start_time\":\"2023-03-08 10:00:00\",\"timezone\":\"+03:00\"}");
    Path runs =
        Files.writeString(
            dir.resolve("final-runs.csv"),
            String.join(
                "\n",
                "run_id,contest_time_s,user,problem_id,problem,language,status,score,tests_passed",
                "1,1.5,alice,1,A,g++,OK,100,10",
                "2,-3,bob,1,A,g++,WA,0,0",
                "3,7,bob,1,A,g++,XX,0,0",
                "4,8,,1,A,g++,TL,0,0",
                "5,9,carol,2,,,RT,0,0",
                "6,9,carol,2"));
    ImportRun run = ImportRun.of(new EjudgeRunLogImporter(), runs, ImportOptions.defaults());

    assertThat(run.rows())
        .extracting(
            Submission::id,
            Submission::course,
            Submission::task,
            Submission::environment,
            Submission::result)
        .containsExactly(
            tuple("1", "oly", "A", "docker/g++", "success"),
            tuple("5", "oly", "2", "docker/default", "crash"));
    assertThat(run.rows().get(0).submittedAt()).isEqualTo(Instant.parse("2023-03-08T07:00:01.5Z"));
    assertThat(run.rejects())
        .extracting(TraceFormatException::line, TraceFormatException::field)
        .containsExactly(
            tuple(3L, "contest_time_s"), tuple(4L, "status"), tuple(5L, "user"), tuple(7L, null));
  }

  @Test
  void findsTheContestFileByTheRunLogsPrefixOrNamesTheCandidates() throws IOException {
    assertThat(EjudgeContest.prefixOf(Path.of("day1_runs.csv.gz"))).isEqualTo("day1");
    Files.writeString(dir.resolve("day2_contest.json"), "{}");
    Path runs = Files.writeString(dir.resolve("day1_runs.csv"), "run_id\n");
    assertThatThrownBy(() -> EjudgeContest.besides(runs))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("day2_contest.json")
        .hasMessageContaining("--contest");
  }
}
