package io.gradesim.app.sweep;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;

/**
 * Runs sweeps in the process's actor system ({@link GradesimSystem}): the entry point for commands.
 * The run dispatcher's settings are in {@code gradesim-runs.conf}.
 */
public final class Sweeps {
  /** The dispatcher runs use: a fixed pool of one thread per processor. */
  public static final String RUN_DISPATCHER = GradesimSystem.RUN_DISPATCHER;

  private static final AtomicInteger SWEEPS = new AtomicInteger();

  private Sweeps() {}

  /**
   * Runs {@code specs} in {@code system} with at most {@code parallelism} at a time (only those
   * hold memory); returns their outcomes. A fatal error of the JVM in a run (out of memory) is
   * rethrown here, after every run's partial outputs were removed.
   */
  public static List<RunOutcome> run(ActorSystem<?> system, List<RunSpec> specs, int parallelism) {
    int threads = Math.max(1, parallelism);
    CompletableFuture<List<RunOutcome>> done = new CompletableFuture<>();
    ActorRef<SweepActor.Command> sweep =
        system.systemActorOf(
            SweepActor.create(specs, RUN_DISPATCHER, threads, done),
            "sweep-" + SWEEPS.incrementAndGet(),
            Props.empty());
    // Should the system stop without an answer (a fatal error inside Pekko itself), say so
    // instead of waiting for ever.
    system
        .getWhenTerminated()
        .thenRun(
            () ->
                done.completeExceptionally(
                    new IllegalStateException(
                        "the runs' actor system stopped before the runs ended")));
    List<RunOutcome> outcomes;
    try {
      outcomes = done.get();
    } catch (InterruptedException e) {
      sweep.tell(SweepActor.Cancel.INSTANCE);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while runs were going", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
    for (RunOutcome o : outcomes) {
      if (o instanceof RunOutcome.Failed f && f.cause() instanceof VirtualMachineError fatal) {
        throw fatal;
      }
    }
    return outcomes;
  }
}
