package io.gradesim.app.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Runs sweeps in a short-lived actor system: the entry point for commands. Its settings are in
 * {@code gradesim-runs.conf}.
 */
public final class Sweeps {
  /** The dispatcher runs use: a fixed pool of one thread per run in parallel. */
  public static final String RUN_DISPATCHER = "gradesim-run-dispatcher";

  private Sweeps() {}

  /**
   * Runs {@code specs} with at most {@code parallelism} at a time (only those hold memory); returns
   * their outcomes. A fatal error of the JVM in a run (out of memory) is rethrown here, after every
   * run's partial outputs were removed.
   */
  public static List<RunOutcome> run(List<RunSpec> specs, int parallelism) {
    int threads = Math.max(1, parallelism);
    Config config =
        ConfigFactory.parseString(
                RUN_DISPATCHER + ".thread-pool-executor.fixed-pool-size = " + threads)
            .withFallback(ConfigFactory.parseResources("gradesim-runs.conf"))
            .withFallback(ConfigFactory.load());
    CompletableFuture<List<RunOutcome>> done = new CompletableFuture<>();
    ActorSystem<SweepActor.Command> system =
        ActorSystem.create(
            SweepActor.create(specs, RUN_DISPATCHER, threads, done), "gradesim", config);
    List<RunOutcome> outcomes;
    try {
      // Should the system stop without an answer (a fatal error inside Pekko itself), say so
      // instead of waiting for ever.
      system
          .getWhenTerminated()
          .thenRun(
              () ->
                  done.completeExceptionally(
                      new IllegalStateException(
                          "the runs' actor system stopped before the runs ended")));
      outcomes = done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while runs were going", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get();
      } catch (InterruptedException | ExecutionException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (RunOutcome o : outcomes) {
      if (o instanceof RunOutcome.Failed f && f.cause() instanceof VirtualMachineError fatal) {
        throw fatal;
      }
    }
    return outcomes;
  }
}
