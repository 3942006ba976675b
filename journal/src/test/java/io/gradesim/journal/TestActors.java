package io.gradesim.journal;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The actor system a journal test hands the journal, as the application does: started on first use
 * with the journal's settings, terminated on close (a new one per "process" of a test).
 */
final class TestActors implements JournalActors, AutoCloseable {
  private ActorSystem<Void> system;

  @Override
  public synchronized ActorSystem<Void> system(JournalTarget target) {
    if (system == null) {
      system = ActorSystem.create(Behaviors.empty(), "gradesim-test", target.config());
    }
    return system;
  }

  /** Opens {@code target} in this system. */
  RunJournal open(JournalTarget target) throws IOException {
    return RunJournal.open(target, system(target));
  }

  @Override
  public synchronized void close() {
    if (system != null) {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("the test's actor system did not stop", e);
      }
    }
  }
}
