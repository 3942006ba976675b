package io.gradesim.journal;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Runs a synthetic run through the outputs and the journal, as the simulate command does. */
final class JournalTestSupport {
  private JournalTestSupport() {}

  /** Simulates or resumes synthetic run {@code runId} into {@code out}, journaled in target. */
  static void simulate(JournalTarget target, String runId, long seed, int submissions, Path out)
      throws IOException {
    try (TestActors actors = new TestActors();
        JournalSession journal = JournalSession.open(target, runId, actors);
        RunOutputWriter outputs = new RunOutputWriter(out)) {
      journal.checkResumable();
      SyntheticRun.run(runId, seed, submissions, journal.tee(outputs));
      journal.finish(outputs.finish().toJson());
    }
  }

  /** Rebuilds the outputs of {@code runId} from the journal into {@code out}. */
  static long export(RunJournal journal, String runId, Path out) throws IOException {
    try (RunOutputWriter w = new RunOutputWriter(out)) {
      long n = journal.replay(runId, w);
      w.finish();
      return n;
    }
  }

  /** Collects a run's events. */
  static java.util.List<SimEvent> events(String runId, long seed, int submissions) {
    java.util.List<SimEvent> list = new java.util.ArrayList<>();
    SyntheticRun.run(runId, seed, submissions, list::add);
    return list;
  }
}
