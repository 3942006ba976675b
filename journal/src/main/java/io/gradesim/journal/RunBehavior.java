package io.gradesim.journal;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;

/**
 * One run in the journal (persistence id {@code run-<id>}): persists its start, its chunks of
 * simulated events and its end; the state is a pure fold of those events ({@link RunState}).
 * Snapshots are taken when the run ends, every {@value #SNAPSHOT_EVERY} rows, so listing runs does
 * not replay their chunks.
 */
public final class RunBehavior extends EventSourcedBehavior<RunCommand, RunEvent, RunState> {
  static final int SNAPSHOT_EVERY = 500;

  /** The persistence id of run {@code runId}. */
  public static PersistenceId persistenceId(String runId) {
    return PersistenceId.ofUniqueId("run-" + runId);
  }

  /** The behavior of run {@code runId}. */
  public static Behavior<RunCommand> create(String runId) {
    return new RunBehavior(persistenceId(runId));
  }

  private RunBehavior(PersistenceId id) {
    super(id);
  }

  @Override
  public RunState emptyState() {
    return RunState.EMPTY;
  }

  @Override
  public boolean shouldSnapshot(RunState state, RunEvent event, long sequenceNr) {
    return event instanceof RunEvent.RunClosed
        || event instanceof RunEvent.RunFailed
        || sequenceNr % SNAPSHOT_EVERY == 0;
  }

  @Override
  public CommandHandler<RunCommand, RunEvent, RunState> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(RunCommand.Open.class, this::open)
        .onCommand(RunCommand.Append.class, this::append)
        .onCommand(
            RunCommand.Close.class,
            (s, c) ->
                Effect()
                    .persist(new RunEvent.RunClosed(c.finished()))
                    .thenReply(c.replyTo(), StatusReply::success))
        .onCommand(
            RunCommand.Fail.class,
            (s, c) ->
                Effect()
                    .persist(new RunEvent.RunFailed(c.reason(), c.wallMillis()))
                    .thenReply(c.replyTo(), StatusReply::success))
        .onCommand(RunCommand.Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
        .onCommand(RunCommand.Stop.class, (s, c) -> Effect().stop())
        .build();
  }

  private Effect<RunEvent, RunState> open(RunState s, RunCommand.Open c) {
    switch (s.status()) {
      case NEW:
        return Effect()
            .persist(new RunEvent.RunOpened(c.started(), c.wallMillis()))
            .thenReply(c.replyTo(), after -> StatusReply.success(s));
      case FAILED:
        return Effect()
            .persist(new RunEvent.RunResumed(c.wallMillis()))
            .thenReply(c.replyTo(), after -> StatusReply.success(s));
      case FINISHED:
        return Effect()
            .reply(
                c.replyTo(),
                StatusReply.error(
                    "run "
                        + c.started().runId()
                        + " is finished; use 'gradesim runs export "
                        + c.started().runId()
                        + " --out DIR' to get its outputs"));
      default:
        return Effect().reply(c.replyTo(), StatusReply.success(s));
    }
  }

  private Effect<RunEvent, RunState> append(RunState s, RunCommand.Append c) {
    long first = c.chunk().firstIndex();
    if (first < s.events()) {
      return Effect().reply(c.replyTo(), StatusReply.success(s.events()));
    }
    if (first > s.events() || s.status() != RunState.Status.RUNNING) {
      return Effect()
          .reply(
              c.replyTo(),
              StatusReply.error(
                  "chunk at event "
                      + first
                      + " does not follow the "
                      + s.events()
                      + " events of a "
                      + s.status()
                      + " run"));
    }
    return Effect()
        .persist(c.chunk())
        .thenReply(c.replyTo(), after -> StatusReply.success(after.events()));
  }

  @Override
  public EventHandler<RunState, RunEvent> eventHandler() {
    return (state, event) -> state.apply(event);
  }
}
