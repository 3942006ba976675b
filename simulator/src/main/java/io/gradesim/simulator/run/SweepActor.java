package io.gradesim.simulator.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ChildFailed;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Supervises a sweep: spawns one {@link RunActor} per run on the run dispatcher (as many threads
 * as cores, so runs beyond that wait their turn), watches them, and completes with every run's
 * outcome in the order given. A failed run is recorded with its reason; the others go on.
 */
public final class SweepActor extends AbstractBehavior<SweepActor.Command> {

  /** The sweep's protocol. */
  public sealed interface Command {}

  /** Run {@code index} ended normally. */
  public record RunDone(int index, RunOutcome.Completed outcome) implements Command {}

  private final List<RunSpec> specs;
  private final RunOutcome[] outcomes;
  private final Map<ActorRef<RunActor.Command>, Integer> children = new HashMap<>();
  private final CompletableFuture<List<RunOutcome>> done;
  private int remaining;

  private SweepActor(ActorContext<Command> ctx, List<RunSpec> specs, String dispatcher,
      CompletableFuture<List<RunOutcome>> done) {
    super(ctx);
    this.specs = List.copyOf(specs);
    this.outcomes = new RunOutcome[specs.size()];
    this.done = done;
    this.remaining = specs.size();
    for (int i = 0; i < specs.size(); i++) {
      ActorRef<RunActor.Command> ref = ctx.spawn(RunActor.create(specs.get(i), i, ctx.getSelf()),
          "run-" + i, DispatcherSelector.fromConfig(dispatcher));
      ctx.watch(ref);
      children.put(ref, i);
    }
    if (remaining == 0) {
      done.complete(List.of());
    }
  }

  /** A sweep of {@code specs} whose runs use {@code dispatcher}; completes {@code done}. */
  public static Behavior<Command> create(List<RunSpec> specs, String dispatcher,
      CompletableFuture<List<RunOutcome>> done) {
    return Behaviors.setup(ctx -> new SweepActor(ctx, specs, dispatcher, done));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(RunDone.class, d -> record(d.index(), d.outcome()))
        .onSignal(ChildFailed.class, f -> failed(f))
        .onSignal(Terminated.class, t -> this)
        .build();
  }

  private Behavior<Command> failed(ChildFailed f) {
    Integer i = children.get(f.getRef().<RunActor.Command>unsafeUpcast());
    Throwable cause = f.getCause();
    String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return record(i, new RunOutcome.Failed(specs.get(i).label(), reason, cause));
  }

  private Behavior<Command> record(int i, RunOutcome outcome) {
    if (outcomes[i] == null) {
      outcomes[i] = outcome;
      remaining--;
    }
    if (remaining == 0) {
      done.complete(new ArrayList<>(Arrays.asList(outcomes)));
      return Behaviors.stopped();
    }
    return this;
  }
}
