package io.gradesim.journal;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The journal as the {@code simulate} command sees it: open it for one run, tee the run's events
 * into it, then {@link #finish} with the summary or {@link #fail} with the reason. With {@code
 * --journal none} every call is a no-op, so the command has one code path.
 *
 * <pre>{@code
 * try (JournalSession journal = JournalSession.open(target, runId, actors)) {
 *   journal.checkResumable();               // a finished run is refused before simulating
 *   engine.run(journal.tee(outputWriter));
 *   journal.finish(outputWriter.finish().toJson());
 * }                                         // an exception in between: journal.fail(reason)
 * }</pre>
 *
 * <p>Or, when the caller appends RunFinished itself: {@link #listener()} then {@link
 * #awaitFinished()}.
 *
 * <p>The journal opens on a thread of its own (the process's actor system from {@code actors},
 * which starts it on first use, then database and schema: about 2 s in a fresh JVM, 0.1 s in a warm
 * one), so the caller can read its trace meanwhile; the first call that needs it ({@link
 * #checkResumable}, an event) waits for it and reports its failure.
 */
public final class JournalSession implements AutoCloseable {
  private final JournalTarget target;
  private final CompletableFuture<RunJournal> opening;
  private final String runId;
  private RunJournal journal;
  private RunRecorder recorder;
  private long lastT;
  private boolean done;

  private JournalSession(JournalTarget target, String runId, JournalActors actors) {
    this.target = target;
    this.runId = runId;
    if (target.enabled()) {
      opening = new CompletableFuture<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  opening.complete(RunJournal.open(target, actors.system(target)));
                } catch (Throwable e) {
                  opening.completeExceptionally(e);
                }
              },
              "gradesim-journal-open");
      t.setDaemon(true);
      t.start();
    } else {
      opening = null;
    }
  }

  /**
   * Starts opening the journal {@code target} for run {@code runId} in the actor system of {@code
   * actors} (nothing for {@code none}: no actor system is asked for); returns at once.
   */
  public static JournalSession open(JournalTarget target, String runId, JournalActors actors) {
    RunJournal.checkRunId(runId);
    return new JournalSession(target, runId, actors);
  }

  /** True if events are persisted. */
  public boolean enabled() {
    return opening != null;
  }

  /** Waits until the journal is open; an unusable journal throws the IOException naming it. */
  private RunRecorder recorder() throws IOException {
    if (recorder == null) {
      try {
        journal = opening.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("journal " + target.label() + ": interrupted while opening it", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof IOException io) {
          throw io;
        }
        if (c instanceof RuntimeException re) {
          throw re;
        }
        throw new IOException("journal " + target.label() + ": " + c, c);
      }
      recorder = journal.recorder(runId);
    }
    return recorder;
  }

  private RunRecorder recorderUnchecked() {
    try {
      return recorder();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Throws IllegalStateException if the run is already finished (it is never re-run). */
  public RunState checkResumable() throws IOException {
    if (opening == null) {
      return RunState.EMPTY;
    }
    recorder();
    RunState s = journal.state(runId);
    if (s.status() == RunState.Status.FINISHED) {
      throw new IllegalStateException(
          "run "
              + runId
              + " is finished; use 'gradesim runs export "
              + runId
              + " --out DIR' to get its outputs");
    }
    return s;
  }

  /**
   * The journal's listener (a no-op without journal): give it every event of the run, ending with
   * {@code RunFinished}, then call {@link #awaitFinished()}.
   */
  public SimEventListener listener() {
    return opening == null ? SimEventListener.NONE : e -> recorderUnchecked().on(e);
  }

  /** Waits until every event given to {@link #listener()}, RunFinished included, is persisted. */
  public void awaitFinished() throws IOException {
    if (opening != null) {
      recorder().finish();
    }
    done = true;
  }

  /** A listener that gives each event to {@code outputs}, then to the journal. */
  public SimEventListener tee(SimEventListener outputs) {
    if (opening == null) {
      return outputs;
    }
    return e -> {
      outputs.on(e);
      lastT = e.t();
      recorderUnchecked().on(e);
    };
  }

  /** Ends the run: persists RunFinished with {@code summaryJson} and waits for every chunk. */
  public void finish(String summaryJson) throws IOException {
    if (opening != null) {
      RunRecorder r = recorder();
      r.on(new SimEvent.RunFinished(lastT, summaryJson));
      r.finish();
    }
    done = true;
  }

  /** How messages name the journal ("none" without one). */
  public String label() {
    return target.label();
  }

  /** Records the run as failed with {@code reason}. */
  public void fail(String reason) throws IOException {
    if (opening != null && !done) {
      done = true;
      if (recorder != null) { // else no event reached the journal: nothing to record
        recorder.fail(reason);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (opening == null) {
      return;
    }
    try {
      opening.join();
    } catch (RuntimeException e) {
      return; // it never opened: nothing to record or close (a caller saw why)
    }
    try {
      if (!done) {
        fail("interrupted before the run finished");
      }
    } finally {
      opening.join().close();
    }
  }
}
