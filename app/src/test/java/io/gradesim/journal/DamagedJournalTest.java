package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue group 3: a damaged H2 journal (truncated to half, emptied) is reported as damaged, exit 2,
 * and nothing is written into it; a journal whose process was killed with SIGKILL is not (H2 falls
 * back to its last good chunk there too, but never behind its commit log).
 */
@Tag("hostile-3")
class DamagedJournalTest {
  static final List<String> FILES = RunOutputWriter.FILES;

  @TempDir Path dir;
  Path home;
  Path db;
  Path trace;
  Path scenario;

  @BeforeEach
  void journalOfFiveRuns() throws IOException {
    home = dir.resolve("home");
    db = home.resolve("journal").resolve("runs.mv.db");
    trace = JournalCli.trace(dir.resolve("trace.csv"), 3_000, 42);
    scenario = JournalCli.scenario(dir.resolve("pool.conf"));
    for (int i = 0; i < 5; i++) {
      JournalCli.Result r = simulate("r" + i, dir.resolve("o" + i));
      assertThat(r.code()).as(r.err()).isZero();
    }
    assertThat(JournalCli.run(home, "runs", "list").out()).contains("r4 ");
  }

  JournalCli.Result simulate(String id, Path out) {
    return JournalCli.run(
        home,
        "simulate",
        "--trace",
        trace.toString(),
        "--scenario",
        scenario.toString(),
        "--seed",
        "3",
        "--run-id",
        id,
        "--out",
        out.toString());
  }

  @Test
  @DisplayName("group 3: runs.mv.db truncated to 50 % is damaged for runs list and simulate")
  void aJournalTruncatedToHalfIsReportedAsDamaged() throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    assertDamaged("it holds only ");
  }

  @Test
  @DisplayName("group 3: a 0-byte runs.mv.db is damaged, not an empty journal")
  void anEmptiedJournalIsReportedAsDamaged() throws IOException {
    Files.write(db, new byte[0]);
    assertDamaged("it is empty (0 bytes)");
    assertThat(Files.size(db)).isZero();
  }

  void assertDamaged(String what) throws IOException {
    String dbHash = JournalCli.sha256(db);
    String traceHash = JournalCli.sha256(trace);
    String scenarioHash = JournalCli.sha256(scenario);
    String prefix = "gradesim: journal " + db.toAbsolutePath() + " is damaged: " + what;

    JournalCli.Result list = JournalCli.run(home, "runs", "list");
    assertThat(list.code()).isEqualTo(2);
    assertThat(list.err())
        .startsWith(prefix)
        .contains("commit log runs.commits")
        .contains("move the folder " + db.toAbsolutePath().getParent() + " away")
        .hasLineCount(1);
    assertThat(list.out()).isEmpty();

    Path out = dir.resolve("after");
    JournalCli.Result sim = simulate("r9", out);
    assertThat(sim.code()).isEqualTo(2);
    assertThat(sim.err()).startsWith(prefix).hasLineCount(1);
    assertThat(out.resolve(RunOutputWriter.SUMMARY)).doesNotExist();
    assertThat(JournalCli.leftovers(dir)).isEmpty();

    // Nothing was written into the damaged file, and no input changed.
    assertThat(JournalCli.sha256(db)).isEqualTo(dbHash);
    assertThat(JournalCli.sha256(trace)).isEqualTo(traceHash);
    assertThat(JournalCli.sha256(scenario)).isEqualTo(scenarioHash);
  }

  @Test
  @DisplayName("group 3: a torn last line of the commit log is no false alarm")
  void aTornCommitLogLineIsSkipped() throws IOException {
    Path log = db.resolveSibling("runs.commits");
    String whole = Files.readString(log, StandardCharsets.ISO_8859_1);
    String lastLine = whole.lines().reduce((a, b) -> b).orElseThrow();
    // A crash in the middle of an append: part of a next record, no newline.
    Files.writeString(
        log, lastLine.substring(0, 20), StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
    JournalCli.Result list = JournalCli.run(home, "runs", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("r0 ").contains("r4 ");
  }

  @Test
  @DisplayName("group 3: a run killed with SIGKILL mid-run reopens without a false alarm")
  void aJournalKilledMidRunIsNotDamagedAndResumes() throws Exception {
    Path reference = dir.resolve("reference");
    try (PausableChild none = PausableChild.start(home, "none", "ref", 5, 80_000, reference, -1)) {
      assertThat(none.exit()).as("%s", none.lines).isZero();
    }
    Path log = db.resolveSibling("runs.commits");
    // Kill points by progress: two pauses after the 8-chunk sync, one before it.
    long[] killAt = {120_000, 560_000, 620_000};
    for (int k = 0; k < killAt.length; k++) {
      String id = "kill-" + k;
      Path out = dir.resolve(id);
      try (PausableChild child = PausableChild.start(home, "h2", id, 5, 80_000, out, killAt[k])) {
        child.await(l -> l.startsWith("paused "));
        child.kill();
      }
      long recorded = new CommitLog(log).last().commit();
      assertThat(recorded).as("commits recorded before kill %d", k).isGreaterThanOrEqualTo(5);

      JournalCli.Result list = JournalCli.run(home, "runs", "list");
      assertThat(list.code()).as(list.err()).isZero();
      assertThat(list.out()).containsPattern(id + " .* running ").contains("r4 ");
      try (PausableChild resumed = PausableChild.start(home, "h2", id, 5, 80_000, out, -1)) {
        assertThat(resumed.exit()).as("%s", resumed.lines).isZero();
      }
      for (String f : FILES) {
        assertThat(Files.readAllBytes(out.resolve(f)))
            .as("%s of %s", f, id)
            .isEqualTo(Files.readAllBytes(reference.resolve(f)));
      }
    }
    JournalCli.Result list = JournalCli.run(home, "runs", "list");
    assertThat(list.out()).containsPattern("kill-2 .* finished ");
    assertThat(JournalCli.leftovers(dir)).isEmpty();
  }
}
