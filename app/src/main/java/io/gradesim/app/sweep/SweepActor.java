package io.gradesim.app.sweep;

import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
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
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Supervises a sweep: keeps at most {@code parallelism} {@link RunActor}s alive on the run
 * dispatcher and starts the next run when one ends, so memory holds only the runs in progress (a
 * run's tables are opened when its actor starts and dropped when it stops). It completes with every
 * run's outcome in the order given. A failed run is recorded with its reason and the others go on,
 * except after a fatal error of the JVM (out of memory): then the runs in progress are stopped, the
 * rest never start, and the sweep completes at once.
 */
public final class SweepActor extends AbstractBehavior<SweepActor.Command> {

  /** The sweep's protocol. */
  public sealed interface Command {}

  /**
   * Stop the sweep: the runs in progress stop (removing their partial outputs), no other starts.
   */
  public enum Cancel implements Command {
    INSTANCE
  }

  /** Run {@code index} ended normally. */
  public record RunDone(int index, RunOutcome.Completed outcome) implements Command {}

  /** Run {@code index} failed with {@code cause} (its outputs already removed). */
  public record RunFailed(int index, Throwable cause) implements Command {}

  private final List<RunSpec> specs;
  private final String dispatcher;
  private final int parallelism;
  private final RunOutcome[] outcomes;
  private final Map<ActorRef<RunActor.Command>, Integer> children = new HashMap<>();
  private final CompletableFuture<List<RunOutcome>> done;
  private List<RunOutcome> result;
  private int started;
  private int remaining;

  private SweepActor(
      ActorContext<Command> ctx,
      List<RunSpec> specs,
      String dispatcher,
      int parallelism,
      CompletableFuture<List<RunOutcome>> done) {
    super(ctx);
    this.specs = List.copyOf(specs);
    this.dispatcher = dispatcher;
    this.parallelism = Math.max(1, parallelism);
    this.outcomes = new RunOutcome[specs.size()];
    this.done = done;
    this.remaining = specs.size();
    while (started < specs.size() && children.size() < this.parallelism) {
      startNext();
    }
  }

  /**
   * A sweep of {@code specs}, at most {@code parallelism} at a time, whose runs use {@code
   * dispatcher}; completes {@code done}.
   */
  public static Behavior<Command> create(
      List<RunSpec> specs,
      String dispatcher,
      int parallelism,
      CompletableFuture<List<RunOutcome>> done) {
    if (specs.isEmpty()) {
      done.complete(List.of());
      return Behaviors.stopped();
    }
    return Behaviors.setup(ctx -> new SweepActor(ctx, specs, dispatcher, parallelism, done));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(RunDone.class, d -> record(d.index(), d.outcome()))
        .onMessage(RunFailed.class, f -> failed(f.index(), f.cause()))
        .onMessage(Cancel.class, c -> Behaviors.stopped())
        .onSignal(PostStop.class, s -> stopped())
        .onSignal(ChildFailed.class, f -> childFailed(f))
        .onSignal(Terminated.class, t -> ended(t.getRef()))
        .build();
  }

  /**
   * The sweep has stopped, and its runs' actors before it (their tasks closed, their partial
   * outputs removed): only now is the sweep's result handed out.
   */
  private Behavior<Command> stopped() {
    if (result != null) {
      done.complete(result);
    } else {
      done.completeExceptionally(new IllegalStateException("the sweep was cancelled"));
    }
    return this;
  }

  private void startNext() {
    int i = started++;
    ActorRef<RunActor.Command> ref =
        getContext()
            .spawn(
                RunActor.create(specs.get(i), i, getContext().getSelf()),
                "run-" + i,
                DispatcherSelector.fromConfig(dispatcher));
    getContext().watch(ref);
    children.put(ref, i);
  }

  /** A run's actor stopped: its slot goes to the next run. */
  private Behavior<Command> ended(ActorRef<Void> ref) {
    children.remove(ref.<RunActor.Command>unsafeUpcast());
    while (started < specs.size() && children.size() < parallelism && result == null) {
      startNext();
    }
    return this;
  }

  /** A run actor that failed outside its own guard (a bug in the actor itself). */
  private Behavior<Command> childFailed(ChildFailed f) {
    Integer i = children.get(f.getRef().<RunActor.Command>unsafeUpcast());
    Behavior<Command> next = i == null ? this : failed(i, f.getCause());
    return next == this ? ended(f.getRef()) : next;
  }

  private Behavior<Command> failed(int i, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    RunOutcome.Failed outcome = new RunOutcome.Failed(specs.get(i).label(), reason, cause);
    if (cause instanceof VirtualMachineError) {
      // Out of memory: the runs still going would fail the same way; stop them (their actors
      // remove their partial outputs) and report at once.
      outcomes[i] = outcome;
      result = new ArrayList<>(Arrays.asList(outcomes));
      return Behaviors.stopped();
    }
    return record(i, outcome);
  }

  private Behavior<Command> record(int i, RunOutcome outcome) {
    if (outcomes[i] == null) {
      outcomes[i] = outcome;
      remaining--;
    }
    if (remaining == 0) {
      result = new ArrayList<>(Arrays.asList(outcomes));
      return Behaviors.stopped();
    }
    return this;
  }
}
