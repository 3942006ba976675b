package io.gradesim.simulator.journal;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.output.RunOutputWriter;
import java.nio.file.Path;

/**
 * A child process for the kill-and-resume test: simulates (or resumes) a Poisson run on the real
 * engine into {@code out}, journaled in the H2 journal of data folder {@code home}, and prints
 * {@code progress N} every 2,000 simulated events so the parent can kill it at a chosen point.
 * Arguments: home runId seed submissions out [none].
 */
public final class KillableRunMain {
  private KillableRunMain() {}

  /** Runs the child. */
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    String runId = args[1];
    long seed = Long.parseLong(args[2]);
    int submissions = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    JournalTarget target = args.length > 5 && args[5].equals("none")
        ? JournalTarget.NONE : JournalTarget.h2(home);
    long[] n = {0};
    try (JournalSession journal = JournalSession.open(target, runId);
        RunOutputWriter outputs = new RunOutputWriter(out)) {
      journal.checkResumable();
      SimEventListener tee = journal.tee(outputs);
      SimEventListener counted = e -> {
        tee.on(e);
        if (++n[0] % 2_000 == 0) {
          System.out.println("progress " + n[0]);
          System.out.flush();
        }
      };
      SimulationEngine engine = new BenchWorkload(submissions, 8).engine(seed, counted);
      engine.run();
      journal.finish(outputs.finish().toJson());
    }
    System.out.println("done " + n[0]);
  }
}
