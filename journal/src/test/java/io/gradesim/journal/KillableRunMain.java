package io.gradesim.journal;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The kill-and-resume test's run: simulates (or resumes) a Poisson run on the real engine into
 * {@code out}, journaled in the H2 journal of data folder {@code home} (or not at all). As a child
 * process it prints {@code done N} (N events, RunFinished included) once the run is recorded, and
 * the parent chooses where to kill it with {@code GRADESIM_TEST_PAUSE_AT} ({@link PausePoint}).
 * Arguments: home runId seed submissions out [none].
 */
public final class KillableRunMain {
  private KillableRunMain() {}

  /**
   * What a run found and did: the run's state in the journal before it, then its events
   * (RunFinished included), or why it was refused (a finished run, its outputs left untouched).
   */
  record Outcome(RunState before, long events, String refused) {}

  /** Runs the child. */
  public static void main(String[] args) throws Exception {
    JournalTarget target =
        args.length > 5 && args[5].equals("none")
            ? JournalTarget.NONE
            : JournalTarget.h2(Path.of(args[0]));
    Outcome o =
        run(target, args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
    if (o.refused() != null) {
      System.out.println("refused: " + o.refused());
      System.exit(2);
    }
    System.out.println("done " + o.events());
  }

  /** Simulates or resumes run {@code runId} with {@code seed} into {@code out}. */
  static Outcome run(JournalTarget target, String runId, long seed, int submissions, Path out)
      throws IOException {
    try (TestActors actors = new TestActors();
        JournalSession journal = JournalSession.open(target, runId, actors)) {
      RunState before;
      try {
        before = journal.checkResumable();
      } catch (IllegalStateException e) {
        return new Outcome(null, 0, e.getMessage());
      }
      try (RunOutputWriter outputs = new RunOutputWriter(out)) {
        SimulationEngine engine =
            new BenchWorkload(submissions, 8).engine(seed, journal.tee(outputs));
        engine.run();
        journal.finish(outputs.finish().toJson());
        return new Outcome(before, engine.events() + 1, null);
      }
    }
  }
}
