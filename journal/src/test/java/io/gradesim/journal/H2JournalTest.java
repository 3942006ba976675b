package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default H2 file journal, end to end: record, recover, replay, export, refuse, delete. */
class H2JournalTest {
  @TempDir Path home;

  @Test
  void replaysEveryEventOfARecordedRunInOrder() throws IOException {
    JournalTarget target = JournalTarget.h2(home);
    JournalTestSupport.simulate(target, "r1", 3, 3_000, home.resolve("out"));
    List<SimEvent> expected = JournalTestSupport.events("r1", 3, 3_000);
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      List<SimEvent> replayed = new ArrayList<>();
      journal.replay("r1", replayed::add);
      assertThat(replayed).hasSize(expected.size() + 1);
      assertThat(replayed.subList(0, expected.size())).isEqualTo(expected);
      assertThat(replayed.get(expected.size())).isInstanceOf(SimEvent.RunFinished.class);
      assertThat(journal.runIds()).containsExactly("r1");
    }
  }

  @Test
  void recoversTheRunStateAfterTheBehaviorRestarts() throws IOException {
    JournalTarget target = JournalTarget.h2(home);
    JournalTestSupport.simulate(target, "r2", 4, 20_000, home.resolve("out"));
    int events = JournalTestSupport.events("r2", 4, 20_000).size() + 1;
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      RunState s = journal.state("r2");
      assertThat(s.status()).isEqualTo(RunState.Status.FINISHED);
      assertThat(s.events()).isEqualTo(events);
      assertThat(s.submissions()).isEqualTo(20_000);
      assertThat(s.started().seed()).isEqualTo(4);
      assertThat(s.summaryJson())
          .isEqualTo(Files.readString(home.resolve("out").resolve(RunOutputWriter.SUMMARY)));
    }
    // A second system, as a new process would: recovery from snapshot and events.
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      assertThat(journal.state("r2").events()).isEqualTo(events);
      assertThat(journal.state("unknown").status()).isEqualTo(RunState.Status.NEW);
    }
  }

  @Test
  void exportRebuildsByteIdenticalOutputs() throws IOException {
    JournalTarget target = JournalTarget.h2(home);
    Path out = home.resolve("out");
    JournalTestSupport.simulate(target, "r3", 5, 5_000, out);
    Path again = home.resolve("export");
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      JournalTestSupport.export(journal, "r3", again);
    }
    for (String f : RunOutputWriter.FILES) {
      assertThat(Files.readAllBytes(again.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(out.resolve(f)));
    }
  }

  @Test
  void refusesToRerunAFinishedRun() throws IOException {
    JournalTarget target = JournalTarget.h2(home);
    JournalTestSupport.simulate(target, "r4", 6, 100, home.resolve("out"));
    assertThatThrownBy(
            () -> JournalTestSupport.simulate(target, "r4", 6, 100, home.resolve("out2")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run r4 is finished")
        .hasMessageContaining("runs export");
  }

  @Test
  void refusesToResumeWithOtherInputs() throws IOException {
    JournalTarget target = JournalTarget.h2(home);
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      RunRecorder r = journal.recorder("r5");
      SyntheticRun.run("r5", 7, 50, r);
      r.fail("killed");
    }
    assertThatThrownBy(() -> JournalTestSupport.simulate(target, "r5", 8, 50, home.resolve("out")))
        .hasMessageContaining("cannot resume run r5")
        .hasMessageContaining("trace synthetic.csv");
  }

  @Test
  void recordsAFailedRunWithItsReasonAndResumesIt() throws IOException {
    JournalTarget target = JournalTarget.h2(home);
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      RunRecorder r = journal.recorder("r6");
      SyntheticRun.run("r6", 9, 30_000, r);
      r.fail("trace.csv line 7: bad submitted_at");
      RunState s = journal.state("r6");
      assertThat(s.status()).isEqualTo(RunState.Status.FAILED);
      assertThat(s.reason()).isEqualTo("trace.csv line 7: bad submitted_at");
      assertThat(s.summaryJson()).isEmpty();
    }
    JournalTestSupport.simulate(target, "r6", 9, 30_000, home.resolve("out"));
    try (TestActors actors = new TestActors();
        RunJournal journal = actors.open(target)) {
      assertThat(journal.state("r6").status()).isEqualTo(RunState.Status.FINISHED);
      assertThat(journal.delete("r6")).isTrue();
      assertThat(journal.state("r6").status()).isEqualTo(RunState.Status.NEW);
      assertThat(journal.runIds()).isEmpty();
    }
  }
}
