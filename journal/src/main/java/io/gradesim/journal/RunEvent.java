package io.gradesim.journal;

import io.gradesim.simulator.event.SimEvent;

/**
 * The journal's events for one run: what the run's {@code EventSourcedBehavior} persists. A
 * persisted record is never changed (its Kryo wire format is pinned by golden-bytes tests); a new
 * record is added instead.
 */
public sealed interface RunEvent extends JournalSerializable {

  /**
   * The run began: its first simulated event (index 0), with its provenance.
   *
   * @param started the simulator's {@link SimEvent.RunStarted}
   * @param wallMillis when the run was first opened, wall-clock milliseconds since 1970
   */
  record RunOpened(SimEvent.RunStarted started, long wallMillis) implements RunEvent {}

  /**
   * A chunk of consecutive simulated events, encoded compactly by {@link
   * io.gradesim.journal.kryo.ChunkCodec}.
   *
   * @param firstIndex the run-wide index of the chunk's first event (the run's first is 0)
   * @param count how many events the chunk holds
   * @param arrivals how many of them are {@link SimEvent.SubmissionArrived}
   * @param payload the encoded events
   */
  record EventChunk(long firstIndex, int count, int arrivals, byte[] payload) implements RunEvent {}

  /** The run ended normally: its last simulated event, carrying the summary. */
  record RunClosed(SimEvent.RunFinished finished) implements RunEvent {}

  /** A failed or interrupted run was resumed (wall-clock {@code wallMillis}). */
  record RunResumed(long wallMillis) implements RunEvent {}

  /** The run failed with {@code reason} (wall-clock {@code wallMillis}); it is not finished. */
  record RunFailed(String reason, long wallMillis) implements RunEvent {}
}
