package io.gradesim.journal;

import io.gradesim.simulator.event.SimEvent;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/** What a run's persistent behavior ({@link RunBehavior}) is asked to do. */
public sealed interface RunCommand {

  /**
   * Opens the run (persists its start if new, marks a failed run resumed) and replies the state as
   * it was before; a finished run is refused with an error reply.
   */
  record Open(SimEvent.RunStarted started, long wallMillis, ActorRef<StatusReply<RunState>> replyTo)
      implements RunCommand {}

  /**
   * Appends a chunk; replies the number of events persisted. A chunk already persisted (same first
   * index, after a resume) is acknowledged without writing; a gap is an error.
   */
  record Append(RunEvent.EventChunk chunk, ActorRef<StatusReply<Long>> replyTo)
      implements RunCommand {}

  /** Closes the run with its last event; replies the final state. */
  record Close(SimEvent.RunFinished finished, ActorRef<StatusReply<RunState>> replyTo)
      implements RunCommand {}

  /** Records the run as failed with {@code reason}; replies the final state. */
  record Fail(String reason, long wallMillis, ActorRef<StatusReply<RunState>> replyTo)
      implements RunCommand {}

  /** Replies the current state (after recovery). */
  record Get(ActorRef<RunState> replyTo) implements RunCommand {}

  /** Stops the behavior. */
  record Stop() implements RunCommand {}
}
