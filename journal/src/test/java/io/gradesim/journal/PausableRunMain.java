package io.gradesim.journal;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for the journal fault tests: simulates (or resumes) a Poisson run on the real
 * engine into {@code out}, journaled in {@code journal} (h2 in data folder {@code home}, none, or a
 * JDBC URL), prints {@code progress N} every 20,000 simulated events and, after event {@code
 * pauseAt}, prints {@code paused N} and waits for a line on its standard input, so the parent acts
 * at a point defined by the run's progress (never by time). Exit 2 with {@code gradesim: <message>}
 * on an error, as the command line does. Arguments: home journal runId seed submissions out
 * pauseAt.
 */
public final class PausableRunMain {
  private PausableRunMain() {}

  /** Runs the child. */
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    JournalTarget target = JournalTarget.parse(args[1], home);
    String runId = args[2];
    long seed = Long.parseLong(args[3]);
    int submissions = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    long pauseAt = Long.parseLong(args[6]);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long[] n = {0};
    try (TestActors actors = new TestActors();
        JournalSession journal = JournalSession.open(target, runId, actors);
        RunOutputWriter outputs = new RunOutputWriter(out)) {
      journal.checkResumable();
      SimEventListener tee = journal.tee(outputs);
      SimEventListener counted =
          e -> {
            tee.on(e);
            if (++n[0] % 20_000 == 0) {
              System.out.println("progress " + n[0]);
            }
            if (n[0] == pauseAt) {
              System.out.println("paused " + n[0]);
              try {
                in.readLine();
              } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
              }
            }
          };
      SimulationEngine engine = new BenchWorkload(submissions, 8).engine(seed, counted);
      engine.run();
      journal.finish(outputs.finish().toJson());
    } catch (Exception e) {
      System.out.println("gradesim: " + e.getMessage());
      System.exit(2);
    }
    System.out.println("done " + n[0]);
  }
}
