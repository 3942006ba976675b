package io.gradesim.simulator.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorSystem;

/** Runs sweeps in a short-lived actor system: the entry point for commands. */
public final class Sweeps {
  /** The dispatcher runs use: a fixed pool of one thread per run in parallel. */
  public static final String RUN_DISPATCHER = "gradesim-run-dispatcher";

  private Sweeps() {}

  /** Runs {@code specs} with at most {@code parallelism} at a time; returns their outcomes. */
  public static List<RunOutcome> run(List<RunSpec> specs, int parallelism) {
    Config config = ConfigFactory.parseString(RUN_DISPATCHER + " {\n"
        + "  type = Dispatcher\n  executor = thread-pool-executor\n"
        + "  thread-pool-executor.fixed-pool-size = " + Math.max(1, parallelism) + "\n"
        + "  throughput = 1\n}\n"
        + "pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING\n"
        + "pekko.log-dead-letters = off\npekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n")
        .withFallback(ConfigFactory.load());
    CompletableFuture<List<RunOutcome>> done = new CompletableFuture<>();
    ActorSystem<SweepActor.Command> system =
        ActorSystem.create(SweepActor.create(specs, RUN_DISPATCHER, done), "gradesim", config);
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while runs were going", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get();
      } catch (InterruptedException | ExecutionException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
