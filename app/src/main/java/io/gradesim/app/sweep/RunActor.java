package io.gradesim.app.sweep;

import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.RunTask;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One run as an actor: it owns the run's event loop and advances it a slice of events per message
 * to itself, so a long run never monopolises a thread between slices and costs one message per
 * slice rather than one per simulated event. It reports its outcome to its sweep.
 *
 * <p>Whatever the run throws, errors included (an {@code OutOfMemoryError} while its tables grow),
 * is caught here: the run's task is closed first, which drops its tables and removes its partial
 * outputs, then the cause itself goes to the sweep as {@link SweepActor.RunFailed}. So Pekko never
 * sees the failure: no supervision log line, no wrapping in an {@code
 * ActorInitializationException}, and no JVM exit on a fatal error.
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

  private RunActor(
      ActorContext<Command> ctx, RunSpec spec, int index, ActorRef<SweepActor.Command> sweep) {
    super(ctx);
    this.spec = spec;
    this.index = index;
    this.sweep = sweep;
    this.startNanos = System.nanoTime();
  }

  /** A run of {@code spec}, the {@code index}-th of {@code sweep}. */
  static Behavior<Command> create(RunSpec spec, int index, ActorRef<SweepActor.Command> sweep) {
    return Behaviors.setup(
        ctx -> {
          RunActor run = new RunActor(ctx, spec, index, sweep);
          try {
            run.task = spec.open().call();
          } catch (Throwable e) {
            return run.fail(e);
          }
          ctx.getSelf().tell(Step.INSTANCE);
          return run;
        });
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Step.class, s -> step())
        .onSignal(PostStop.class, s -> closeQuietly())
        .build();
  }

  private Behavior<Command> step() {
    try {
      if (!task.advance(SLICE)) {
        getContext().getSelf().tell(Step.INSTANCE);
        return this;
      }
      RunOutcome.Completed done = task.finish().withWallNanos(System.nanoTime() - startNanos);
      RunTask t = task;
      task = null;
      t.close();
      sweep.tell(new SweepActor.RunDone(index, done));
      return Behaviors.stopped();
    } catch (Throwable e) {
      return fail(e);
    }
  }

  /** Closes the task (dropping its memory and partial files) and reports {@code e}. */
  private Behavior<Command> fail(Throwable e) {
    RunTask t = task;
    task = null;
    if (t != null) {
      try {
        t.close();
      } catch (Throwable closing) {
        e.addSuppressed(closing);
      }
    }
    sweep.tell(new SweepActor.RunFailed(index, e));
    return Behaviors.stopped();
  }

  private Behavior<Command> closeQuietly() {
    if (task != null) {
      try {
        task.close();
      } catch (Exception e) {
        // Stopped by its sweep after another run's fatal error: nothing to report for this one.
      }
      task = null;
    }
    return this;
  }
}
