package io.gradesim.app.sweep;

import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.RunTask;

/**
 * One run on the calling thread, without actors: what {@code simulate} does with its single run, so
 * that a run without journal never starts an actor system. Like {@link RunActor}, whatever the run
 * throws (errors included) closes its task first, which removes its partial outputs; a fatal error
 * of the JVM is then rethrown, any other failure returned as {@link RunOutcome.Failed}.
 */
public final class InlineRun {
  private InlineRun() {}

  /** Opens, advances to its end, finishes and closes {@code spec}'s run; returns its outcome. */
  public static RunOutcome run(RunSpec spec) {
    long start = System.nanoTime();
    RunTask task = null;
    try {
      task = spec.open().call();
      while (!task.advance(RunActor.SLICE)) {
        // One slice after another: the same slices as in a sweep.
      }
      RunOutcome.Completed done = task.finish().withWallNanos(System.nanoTime() - start);
      RunTask t = task;
      task = null;
      t.close();
      return done;
    } catch (Throwable e) {
      if (task != null) {
        try {
          task.close();
        } catch (Throwable closing) {
          e.addSuppressed(closing);
        }
      }
      if (e instanceof VirtualMachineError fatal) {
        throw fatal;
      }
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      return new RunOutcome.Failed(spec.label(), reason, e);
    }
  }
}
