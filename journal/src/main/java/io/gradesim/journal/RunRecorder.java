package io.gradesim.journal;

import io.gradesim.journal.kryo.ChunkCodec;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Persists a run while it is simulated: a {@link SimEventListener} on the simulation thread that
 * encodes events as they happen into chunks of {@value #CHUNK} (so no event outlives its call: the
 * simulation's garbage stays young) and hands each chunk's bytes through a bounded queue (so a slow
 * journal slows the simulation instead of filling the heap) to a writer thread, which asks the
 * run's {@link RunBehavior} to persist it, one reply per chunk and at most {@value #IN_FLIGHT}
 * chunks in flight.
 *
 * <p>Durability: every {@value #SYNC_EVERY} chunks, and always once the run is closed, the writer
 * makes the journal durable ({@link RunJournal#checkpoint}); {@link #finish} returns only after
 * that, so a run is never reported finished unless its journal holds all of it (a full disk fails
 * the run, naming the journal). A PostgreSQL connection lost meanwhile (the server restarted) is
 * retried with backoff for {@code gradesim.journal.reconnect-for}: the unanswered chunks are kept,
 * the run's state is read again from the server and the chunks it lacks are sent again.
 *
 * <p>Resume: the first event, {@code RunStarted}, opens the run. If the journal already holds
 * events of this run, its provenance must match (trace, scenario and calibration hashes, seed,
 * version); the re-simulated events the journal already holds are then skipped and only the rest is
 * persisted. A run is a pure function of its inputs, so the events skipped equal those stored.
 */
public final class RunRecorder implements SimEventListener {
  /** Simulated events per journal row. */
  public static final int CHUNK = 65_536;

  static final int QUEUE = 4;
  static final int IN_FLIGHT = 2;

  /** Chunks persisted between two checkpoints (about 0.5 M simulated events). */
  static final int SYNC_EVERY = 8;

  private static final Object END = new Object();

  private final RunJournal journal;
  private final String runId;
  private volatile WatchedRun run;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private int unsynced;
  private final Thread writer;
  private volatile Throwable failure;
  private RunState before;
  private long index;
  private final ChunkCodec.Encoder encoder = new ChunkCodec.Encoder();
  private int arrivals;
  private long chunkFirst;
  private RunState last;

  /** A chunk sent to the run's behavior and not yet acknowledged. */
  private record Pending(RunEvent.EventChunk chunk, CompletionStage<Long> reply) {}

  RunRecorder(RunJournal journal, String runId, WatchedRun run) {
    this.journal = journal;
    this.runId = runId;
    this.run = run;
    this.writer = new Thread(this::write, "gradesim-journal-writer-" + runId);
    writer.setDaemon(true);
  }

  /** The run's state before this recording (NEW for a new run); valid after the first event. */
  public RunState before() {
    return before;
  }

  @Override
  public void on(SimEvent e) {
    if (failure != null) {
      throw new IllegalStateException(message(failure), failure);
    }
    long i = index++;
    if (i == PausePoint.EVENT) {
      pauseWhenPersisted("event " + i + " of run " + runId);
    }
    if (i == 0) {
      open(e);
    } else if (i >= before.events()) {
      if (e instanceof SimEvent.RunFinished f) {
        flush();
        if (PausePoint.is("closing")) {
          pauseWhenPersisted("closing of run " + runId + " (" + i + " events journaled)");
        }
        put(f);
      } else {
        if (encoder.count() == 0) {
          chunkFirst = i;
        }
        encoder.add(e);
        if (e instanceof SimEvent.SubmissionArrived) {
          arrivals++;
        }
        if (encoder.count() == CHUNK) {
          flush();
        }
      }
    } else if (e instanceof SimEvent.RunFinished) {
      throw new IllegalStateException(
          "run "
              + runId
              + " ended after "
              + i
              + " events on resume,"
              + " but the journal holds "
              + before.events()
              + ": the same inputs did not give the"
              + " same run; start a new run with another --run-id");
    }
  }

  /** Waits until every event is persisted; returns the run's final state. */
  public RunState finish() throws IOException {
    flush();
    stop();
    if (failure != null) {
      throw asIo(failure);
    }
    return last;
  }

  /** Records the run as failed with {@code reason} (events not yet persisted are dropped). */
  public void fail(String reason) throws IOException {
    if (encoder.count() > 0) {
      encoder.take();
    }
    stop();
    if (before != null && failure == null) {
      journal.await(
          AskPattern.<RunCommand, RunState>askWithStatus(
              run.ref(),
              r -> new RunCommand.Fail(reason, System.currentTimeMillis(), r),
              RunJournal.TIMEOUT,
              scheduler()),
          run,
          "recording run " + runId + " as failed");
      journal.checkpoint("recording run " + runId + " as failed");
    }
  }

  private Scheduler scheduler() {
    return journal.scheduler();
  }

  private void open(SimEvent e) {
    if (!(e instanceof SimEvent.RunStarted s)) {
      throw new IllegalStateException("a run must begin with RunStarted, got " + e);
    }
    try {
      RunState state =
          journal.await(
              journal.<RunState>ask(run.ref(), RunCommand.Get::new), run, "opening run " + runId);
      if (state.status() == RunState.Status.FINISHED) {
        throw new IllegalStateException(
            "run "
                + runId
                + " is finished; use 'gradesim runs export "
                + runId
                + " --out DIR' to get its outputs");
      }
      if (state.started() != null) {
        Provenance.checkSame(runId, state.started(), s);
      }
      if (PausePoint.is("opened")) {
        PausePoint.pause("opened of run " + runId + " (" + state.events() + " events journaled)");
      }
      before =
          journal.await(
              AskPattern.<RunCommand, RunState>askWithStatus(
                  run.ref(),
                  r -> new RunCommand.Open(s, System.currentTimeMillis(), r),
                  RunJournal.TIMEOUT,
                  scheduler()),
              run,
              "opening run " + runId);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    writer.start();
    if (PausePoint.is("started")) {
      PausePoint.pause("started of run " + runId);
    }
  }

  /** Test-only ({@link PausePoint}): waits until every chunk handed over is persisted, pauses. */
  private void pauseWhenPersisted(String where) {
    CountDownLatch persisted = new CountDownLatch(1);
    put(persisted);
    try {
      persisted.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    PausePoint.pause(where);
  }

  private void flush() {
    if (encoder.count() > 0) {
      int count = encoder.count();
      put(new RunEvent.EventChunk(chunkFirst, count, arrivals, encoder.take()));
      arrivals = 0;
    }
  }

  private void put(Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while journaling run " + runId, e);
    }
  }

  private void stop() {
    if (writer.isAlive()) {
      put(END);
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write() {
    try {
      for (Object item = queue.take(); item != END; item = queue.take()) {
        if (failure == null) {
          try {
            write(item);
          } catch (Throwable t) {
            failure = t; // reported to the simulation thread; keep draining until END
          }
        }
        if (item instanceof CountDownLatch persisted) {
          persisted.countDown();
        }
      }
      while (failure == null && !pending.isEmpty()) {
        settleFirst();
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void write(Object item) throws IOException {
    if (item instanceof RunEvent.EventChunk chunk) {
      while (pending.size() >= IN_FLIGHT) {
        settleFirst();
      }
      pending.addLast(new Pending(chunk, append(chunk)));
    } else {
      while (!pending.isEmpty()) {
        settleFirst();
      }
      if (item instanceof SimEvent.RunFinished f) {
        close(f);
        // The run is reported finished only once all of it is durable.
        journal.checkpoint("persisting run " + runId);
        if (PausePoint.is("finished")) {
          PausePoint.pause(
              "finished of run " + runId + " (" + last.events() + " events journaled)");
        }
      }
    }
  }

  private CompletionStage<Long> append(RunEvent.EventChunk chunk) {
    return AskPattern.askWithStatus(
        run.ref(), r -> new RunCommand.Append(chunk, r), RunJournal.TIMEOUT, scheduler());
  }

  /** Waits for the oldest chunk in flight; a lost connection is retried, then resent. */
  private void settleFirst() throws IOException {
    try {
      journal.await(pending.peekFirst().reply(), run, "persisting run " + runId);
    } catch (IOException e) {
      resend(reconnect(e));
      return;
    }
    pending.removeFirst();
    if (++unsynced == SYNC_EVERY) {
      journal.checkpoint("persisting run " + runId);
      unsynced = 0;
    }
  }

  private void close(SimEvent.RunFinished f) throws IOException {
    while (true) {
      try {
        last =
            journal.await(
                AskPattern.askWithStatus(
                    run.ref(), r -> new RunCommand.Close(f, r), RunJournal.TIMEOUT, scheduler()),
                run,
                "closing run " + runId);
        return;
      } catch (IOException e) {
        RunState s = reconnect(e);
        if (s.status() == RunState.Status.FINISHED) {
          last = s; // closed before the connection was lost; only the answer was
          return;
        }
      }
    }
  }

  /**
   * After {@code failure}: rethrows it unless it is a lost PostgreSQL connection; else retries with
   * backoff until the server answers again and the run's state can be read back (or gives up after
   * {@link RunJournal#reconnectFor}), and returns that state from a new behavior.
   */
  private RunState reconnect(IOException failure) throws IOException {
    JournalTarget target = journal.target();
    if (!JournalFault.isTransient(target, failure)) {
      throw failure;
    }
    long start = System.nanoTime();
    long deadline = start + journal.reconnectFor().toNanos();
    System.err.println(
        "gradesim: journal "
            + target.label()
            + ": connection lost ("
            + JournalFault.rootMessage(failure)
            + "); retrying for up to "
            + journal.reconnectFor().toSeconds()
            + " s");
    IOException lastFailure = failure;
    long backoffMs = 100;
    while (System.nanoTime() < deadline) {
      sleep(backoffMs);
      backoffMs = Math.min(2_000, backoffMs * 2);
      try {
        stopRun();
        WatchedRun again = journal.spawn(runId);
        run = again;
        RunState s =
            journal.await(
                journal.<RunState>ask(again.ref(), RunCommand.Get::new),
                again,
                "reading run " + runId + " again");
        System.err.printf(
            "gradesim: journal %s: reconnected after %.1f s; run %s goes on" + " from event %d%n",
            target.label(), (System.nanoTime() - start) / 1e9, runId, s.events());
        return s;
      } catch (IOException e) {
        if (!JournalFault.isTransient(target, e)) {
          throw e;
        }
        lastFailure = e;
      }
    }
    throw new IOException(
        "journal "
            + target.label()
            + " is unreachable: no connection for "
            + journal.reconnectFor().toSeconds()
            + " s while persisting run "
            + runId
            + " (last error: "
            + JournalFault.rootMessage(lastFailure)
            + ")",
        lastFailure);
  }

  /** Stops the run's behavior (stopped already if its write failed) and waits until it is. */
  private void stopRun() throws IOException {
    run.ref().tell(new RunCommand.Stop());
    try {
      run.stopped().get(RunJournal.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reconnecting to the journal", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "journal "
              + journal.target().label()
              + ": run "
              + runId
              + " did not stop in "
              + RunJournal.TIMEOUT.toSeconds()
              + " s",
          e);
    }
  }

  /** Sends again, to the new behavior, the chunks in flight that state {@code s} lacks. */
  private void resend(RunState s) throws IOException {
    long at = s.events();
    ArrayDeque<Pending> again = new ArrayDeque<>();
    for (Pending p : pending) {
      long end = p.chunk().firstIndex() + p.chunk().count();
      if (end <= at) {
        continue; // written before the connection was lost; only its answer was
      }
      if (p.chunk().firstIndex() != at) {
        throw new IOException(
            "journal "
                + journal.target().label()
                + ": run "
                + runId
                + " holds "
                + at
                + " events after reconnecting, but the next chunk to write starts at"
                + " event "
                + p.chunk().firstIndex());
      }
      again.addLast(new Pending(p.chunk(), append(p.chunk())));
      at = end;
    }
    pending.clear();
    pending.addAll(again);
  }

  private static void sleep(long ms) throws IOException {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reconnecting to the journal", e);
    }
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static IOException asIo(Throwable t) {
    return t instanceof IOException io ? io : new IOException(message(t), t);
  }
}
