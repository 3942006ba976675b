package io.gradesim.simulator.run;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One run as an actor: it owns the run's event loop and advances it a slice of events per
 * message to itself, so a long run never monopolises a thread between slices and costs one
 * message per slice rather than one per simulated event. It reports its outcome to its sweep; an
 * exception fails the actor, which its sweep sees as {@code ChildFailed}.
 */
public final class RunActor extends AbstractBehavior<RunActor.Command> {
  /** Events processed per message. */
  static final long SLICE = 1 << 18;

  /** The run's protocol: only its own continuation. */
  public sealed interface Command {}

  /** Advance the loop by one slice. */
  enum Step implements Command {
    INSTANCE
  }

  private final RunSpec spec;
  private final int index;
  private final ActorRef<SweepActor.Command> sweep;
  private final long startNanos;
  private RunTask task;

  private RunActor(ActorContext<Command> ctx, RunSpec spec, int index,
      ActorRef<SweepActor.Command> sweep) throws Exception {
    super(ctx);
    this.spec = spec;
    this.index = index;
    this.sweep = sweep;
    this.startNanos = System.nanoTime();
    this.task = spec.open().call();
    ctx.getSelf().tell(Step.INSTANCE);
  }

  /** A run of {@code spec}, the {@code index}-th of {@code sweep}. */
  static Behavior<Command> create(RunSpec spec, int index, ActorRef<SweepActor.Command> sweep) {
    return Behaviors.setup(ctx -> new RunActor(ctx, spec, index, sweep));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Step.class, s -> step())
        .onSignal(PostStop.class, s -> closeQuietly())
        .build();
  }

  private Behavior<Command> step() throws Exception {
    if (!task.advance(SLICE)) {
      getContext().getSelf().tell(Step.INSTANCE);
      return this;
    }
    RunOutcome.Completed done = task.finish().withWallNanos(System.nanoTime() - startNanos);
    task.close();
    task = null;
    sweep.tell(new SweepActor.RunDone(index, done));
    return Behaviors.stopped();
  }

  private Behavior<Command> closeQuietly() {
    if (task != null) {
      try {
        task.close();
      } catch (Exception e) {
        getContext().getLog().warn("run {}: closing failed: {}", spec.label(), e.getMessage());
      }
      task = null;
    }
    return this;
  }
}
