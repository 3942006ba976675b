package io.gradesim.journal;

import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A run's {@link RunBehavior} spawned under a small parent that watches it. A journal write that
 * fails stops the behavior (Pekko's rule for a failed persist: whether the row was written is
 * unknown) without answering the command; the parent then completes {@code stopped} with the cause,
 * so whoever waits for a reply learns at once why none will come.
 *
 * @param ref the run's behavior
 * @param stopped completed when it stops: with the failure that stopped it, or null
 */
record WatchedRun(ActorRef<RunCommand> ref, CompletableFuture<Throwable> stopped) {

  /** Spawns run {@code runId}'s behavior under a parent named {@code name}. */
  static WatchedRun spawn(ActorSystem<?> system, String runId, String name) {
    CompletableFuture<ActorRef<RunCommand>> ref = new CompletableFuture<>();
    CompletableFuture<Throwable> stopped = new CompletableFuture<>();
    system.systemActorOf(
        Behaviors.<Void>setup(
            ctx -> {
              ActorRef<RunCommand> run = ctx.spawn(RunBehavior.create(runId), "run");
              ctx.watch(run);
              ref.complete(run);
              return Behaviors.receive(Void.class)
                  .onSignal(
                      ChildFailed.class,
                      s -> {
                        stopped.complete(s.getCause());
                        return Behaviors.stopped();
                      })
                  .onSignal(
                      Terminated.class,
                      s -> {
                        stopped.complete(null);
                        return Behaviors.stopped();
                      })
                  .build();
            }),
        name,
        Props.empty());
    return new WatchedRun(ref.join(), stopped);
  }
}
