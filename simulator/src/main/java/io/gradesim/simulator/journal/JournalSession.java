package io.gradesim.simulator.journal;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import java.io.IOException;

/**
 * The journal as the {@code simulate} command sees it: open it for one run, tee the run's events
 * into it, then {@link #finish} with the summary or {@link #fail} with the reason. With
 * {@code --journal none} every call is a no-op, so the command has one code path.
 *
 * <pre>{@code
 * try (JournalSession journal = JournalSession.open(target, runId)) {
 *   journal.checkResumable();               // a finished run is refused before simulating
 *   engine.run(journal.tee(outputWriter));
 *   journal.finish(outputWriter.finish().toJson());
 * }                                         // an exception in between: journal.fail(reason)
 * }</pre>
 *
 * <p>Or, when the caller appends RunFinished itself: {@link #listener()} then
 * {@link #awaitFinished()}.
 */
public final class JournalSession implements AutoCloseable {
  private final RunJournal journal;
  private final RunRecorder recorder;
  private final String runId;
  private long lastT;
  private boolean done;

  private JournalSession(RunJournal journal, String runId) {
    this.journal = journal;
    this.runId = runId;
    this.recorder = journal == null ? null : journal.recorder(runId);
  }

  /** Opens the journal {@code target} for run {@code runId} (nothing for {@code none}). */
  public static JournalSession open(JournalTarget target, String runId) throws IOException {
    RunJournal.checkRunId(runId);
    return new JournalSession(target.enabled() ? RunJournal.open(target) : null, runId);
  }

  /** True if events are persisted. */
  public boolean enabled() {
    return journal != null;
  }

  /** Throws IllegalStateException if the run is already finished (it is never re-run). */
  public RunState checkResumable() throws IOException {
    if (journal == null) {
      return RunState.EMPTY;
    }
    RunState s = journal.state(runId);
    if (s.status() == RunState.Status.FINISHED) {
      throw new IllegalStateException("run " + runId + " is finished; use 'gradesim runs export "
          + runId + " --out DIR' to get its outputs");
    }
    return s;
  }

  /**
   * The journal's listener (a no-op without journal): give it every event of the run, ending
   * with {@code RunFinished}, then call {@link #awaitFinished()}.
   */
  public SimEventListener listener() {
    return journal == null ? SimEventListener.NONE : recorder;
  }

  /** Waits until every event given to {@link #listener()}, RunFinished included, is persisted. */
  public void awaitFinished() throws IOException {
    if (journal != null) {
      recorder.finish();
    }
    done = true;
  }

  /** A listener that gives each event to {@code outputs}, then to the journal. */
  public SimEventListener tee(SimEventListener outputs) {
    if (journal == null) {
      return outputs;
    }
    return e -> {
      outputs.on(e);
      lastT = e.t();
      recorder.on(e);
    };
  }

  /** Ends the run: persists RunFinished with {@code summaryJson} and waits for every chunk. */
  public void finish(String summaryJson) throws IOException {
    if (journal != null) {
      recorder.on(new SimEvent.RunFinished(lastT, summaryJson));
      recorder.finish();
    }
    done = true;
  }

  /** How messages name the journal ("none" without one). */
  public String label() {
    return journal == null ? "none" : journal.target().label();
  }

  /** Records the run as failed with {@code reason}. */
  public void fail(String reason) throws IOException {
    if (journal != null && !done) {
      done = true;
      recorder.fail(reason);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (!done) {
        fail("interrupted before the run finished");
      }
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
  }
}
