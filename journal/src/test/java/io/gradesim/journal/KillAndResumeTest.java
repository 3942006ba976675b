package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL and resumed ends with outputs byte-identical to an uninterrupted run:
 * ten kill points in a row, each in a child JVM (the real engine, the H2 journal) paused there by
 * {@link PausePoint}, so each kill lands where it is meant to on a fast or a loaded machine: at the
 * phase boundaries (journal open, run started, first chunk one event short and just persisted,
 * second chunk persisted, last event, every event persisted but not the end, the end persisted) and
 * at two seeded points inside chunks. The resume (in this JVM, with the journal opened anew) finds
 * exactly what was persisted before the pause.
 */
class KillAndResumeTest {
  /** About 2.4 chunks of events. */
  static final int SUBMISSIONS = 20_000;

  static final long SEED = 11;
  static final int CHUNK = RunRecorder.CHUNK;
  static final List<String> FILES = RunOutputWriter.FILES;

  @TempDir Path dir;

  @Test
  void resumedRunsMatchAnUninterruptedRunAtTenKillPoints() throws Exception {
    Path reference = dir.resolve("reference");
    long total =
        KillableRunMain.run(JournalTarget.NONE, "ref", SEED, SUBMISSIONS, reference).events();
    assertThat(total).as("events of the run").isGreaterThan(2L * CHUNK + 3);
    List<KillPoint> points = points(total);
    assertThat(points).hasSize(10);
    for (int k = 0; k < points.size(); k++) {
      killAndResume("kill-" + k, points.get(k), total, reference);
    }
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(home())) {
      assertThat(journal.runIds()).hasSize(10);
      for (int k = 0; k < 10; k++) {
        RunState s = journal.state("kill-" + k);
        assertThat(s.status()).as("kill-" + k).isEqualTo(RunState.Status.FINISHED);
        assertThat(s.events()).as("kill-" + k).isEqualTo(total);
      }
    }
  }

  static List<KillPoint> points(long total) {
    SplittableRandom rnd = new SplittableRandom(2024);
    long inSecond = CHUNK + 2 + rnd.nextLong(CHUNK - 2);
    long inLast = 2L * CHUNK + 2 + rnd.nextLong(total - 3 - 2L * CHUNK);
    long last = total - 2; // the last simulated event; RunFinished is total - 1
    RunState.Status running = RunState.Status.RUNNING;
    List<KillPoint> points =
        new ArrayList<>(
            List.of(
                KillPoint.phase("opened", RunState.Status.NEW, 0),
                KillPoint.phase("started", running, 1)));
    for (long n : new long[] {CHUNK, CHUNK + 1, inSecond, 2L * CHUNK + 1, inLast, last}) {
      points.add(KillPoint.event(n));
    }
    points.add(KillPoint.phase("closing", running, total - 1));
    points.add(KillPoint.phase("finished", RunState.Status.FINISHED, total));
    return points;
  }

  void killAndResume(String id, KillPoint point, long total, Path reference) throws Exception {
    Path out = dir.resolve(id);
    try (ChildJvm first =
        child(id + " (pause at " + point.pauseAt() + ")", point.pauseAt(), id, out)) {
      String line = first.awaitLine("gradesim-test: paused at ");
      assertThat(line)
          .as(first.output())
          .startsWith("gradesim-test: paused at " + point.where() + " of run " + id);
      assertThat(first.kill())
          .as("%s killed by SIGKILL at %s", id, point.pauseAt())
          .isEqualTo(ChildJvm.KILLED);
    }
    KillableRunMain.Outcome resumed = KillableRunMain.run(home(), id, SEED, SUBMISSIONS, out);
    if (point.status() == RunState.Status.FINISHED) {
      // Killed after the end was recorded: nothing to resume, and the outputs stay.
      assertThat(resumed.refused()).as(id).contains("run " + id + " is finished");
      try (TestActors actors = new TestActors();
          RunJournal journal = actors.open(home())) {
        assertThat(journal.state(id).events()).as(id).isEqualTo(total);
      }
    } else {
      assertThat(resumed.refused()).as(id).isNull();
      assertThat(resumed.before().status())
          .as("%s killed at %s", id, point.pauseAt())
          .isEqualTo(point.status());
      assertThat(resumed.before().events())
          .as("events journaled when %s was killed at %s", id, point.pauseAt())
          .isEqualTo(point.journaled());
      assertThat(resumed.events()).as(id).isEqualTo(total);
    }
    for (String f : FILES) {
      assertThat(Files.readAllBytes(out.resolve(f)))
          .as("%s of %s killed at %s", f, id, point.pauseAt())
          .isEqualTo(Files.readAllBytes(reference.resolve(f)));
    }
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("files of %s", id)
          .containsExactlyInAnyOrderElementsOf(FILES);
    }
  }

  JournalTarget home() {
    return JournalTarget.h2(dir.resolve("home"));
  }

  ChildJvm child(String name, String pauseAt, String id, Path out) throws IOException {
    return ChildJvm.start(
        name,
        pauseAt,
        List.of(),
        KillableRunMain.class,
        List.of(
            dir.resolve("home").toString(),
            id,
            Long.toString(SEED),
            Integer.toString(SUBMISSIONS),
            out.toString()));
  }
}
