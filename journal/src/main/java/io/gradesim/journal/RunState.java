package io.gradesim.journal;

import io.gradesim.simulator.event.SimEvent;

/**
 * What the journal knows about one run: a fold of its {@link RunEvent}s, also its snapshot.
 *
 * @param status new (nothing persisted), running, finished or failed
 * @param started the run's provenance, {@code null} while new
 * @param startedMillis wall-clock start, milliseconds since 1970 (0 while new)
 * @param events how many simulated events are persisted (RunStarted and RunFinished included)
 * @param submissions how many submissions arrived in the persisted events
 * @param summaryJson the run's summary once finished, else ""
 * @param reason why the run failed, else ""
 */
public record RunState(
    Status status,
    SimEvent.RunStarted started,
    long startedMillis,
    long events,
    long submissions,
    String summaryJson,
    String reason)
    implements JournalSerializable {

  /** The lifecycle of a run in the journal. */
  public enum Status {
    /** Nothing persisted yet. */
    NEW,
    /** Opened and not finished: it can be resumed. */
    RUNNING,
    /** Ended normally with a summary. */
    FINISHED,
    /** Ended with an error; never shown as finished. It can be resumed. */
    FAILED
  }

  /** The state of a run that has no events. */
  public static final RunState EMPTY = new RunState(Status.NEW, null, 0, 0, 0, "", "");

  /** Folds one event into the state (pure: no side effect). */
  public RunState apply(RunEvent event) {
    if (event instanceof RunEvent.RunOpened o) {
      return new RunState(Status.RUNNING, o.started(), o.wallMillis(), 1, 0, "", "");
    }
    if (event instanceof RunEvent.EventChunk c) {
      return new RunState(
          status,
          started,
          startedMillis,
          events + c.count(),
          submissions + c.arrivals(),
          summaryJson,
          reason);
    }
    if (event instanceof RunEvent.RunClosed c) {
      return new RunState(
          Status.FINISHED,
          started,
          startedMillis,
          events + 1,
          submissions,
          c.finished().summaryJson(),
          "");
    }
    if (event instanceof RunEvent.RunResumed) {
      return new RunState(Status.RUNNING, started, startedMillis, events, submissions, "", "");
    }
    RunEvent.RunFailed f = (RunEvent.RunFailed) event;
    return new RunState(
        Status.FAILED, started, startedMillis, events, submissions, summaryJson, f.reason());
  }
}
