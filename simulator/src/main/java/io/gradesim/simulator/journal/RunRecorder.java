package io.gradesim.simulator.journal;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.journal.kryo.ChunkCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Persists a run while it is simulated: a {@link SimEventListener} on the simulation thread that
 * encodes events as they happen into chunks of {@value #CHUNK} (so no event outlives its call:
 * the simulation's garbage stays young) and hands each chunk's bytes through a bounded queue (so
 * a slow journal slows the simulation instead of filling the heap) to a writer thread, which
 * asks the run's {@link RunBehavior} to persist it, one reply per chunk and at
 * most {@value #IN_FLIGHT} chunks in flight.
 *
 * <p>Resume: the first event, {@code RunStarted}, opens the run. If the journal already holds
 * events of this run, its provenance must match (trace, scenario and calibration hashes, seed,
 * version); the re-simulated events the journal already holds are then skipped and only the rest
 * is persisted. A run is a pure function of its inputs, so the events skipped equal those stored.
 */
public final class RunRecorder implements SimEventListener {
  /** Simulated events per journal row. */
  public static final int CHUNK = 65_536;
  static final int QUEUE = 4;
  static final int IN_FLIGHT = 2;

  private static final Object END = new Object();

  private final RunJournal journal;
  private final String runId;
  private final ActorRef<RunCommand> run;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread writer;
  private volatile Throwable failure;
  private RunState before;
  private long index;
  private final ChunkCodec.Encoder encoder = new ChunkCodec.Encoder();
  private int arrivals;
  private long chunkFirst;
  private RunState last;

  RunRecorder(RunJournal journal, String runId, ActorRef<RunCommand> run) {
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
      throw new IllegalStateException("run " + runId + " ended after " + i + " events on resume,"
          + " but the journal holds " + before.events() + ": the same inputs did not give the"
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
      journal.await(AskPattern.<RunCommand, RunState>askWithStatus(run,
          r -> new RunCommand.Fail(reason, System.currentTimeMillis(), r),
          RunJournal.TIMEOUT, scheduler()), "recording run " + runId + " as failed");
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
      RunState state = journal.await(journal.<RunState>ask(run, RunCommand.Get::new),
          "opening run " + runId);
      if (state.status() == RunState.Status.FINISHED) {
        throw new IllegalStateException("run " + runId + " is finished; use 'gradesim runs export "
            + runId + " --out DIR' to get its outputs");
      }
      if (state.started() != null) {
        Provenance.checkSame(runId, state.started(), s);
      }
      if (PausePoint.is("opened")) {
        PausePoint.pause("opened of run " + runId + " (" + state.events() + " events journaled)");
      }
      before = journal.await(AskPattern.<RunCommand, RunState>askWithStatus(run,
          r -> new RunCommand.Open(s, System.currentTimeMillis(), r), RunJournal.TIMEOUT,
          scheduler()), "opening run " + runId);
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
    ArrayDeque<CompletionStage<Long>> pending = new ArrayDeque<>();
    try {
      for (Object item = queue.take(); item != END; item = queue.take()) {
        if (failure == null) {
          try {
            write(item, pending);
          } catch (Throwable t) {
            failure = t; // reported to the simulation thread; keep draining until END
          }
        }
        if (item instanceof CountDownLatch persisted) {
          persisted.countDown();
        }
      }
      while (failure == null && !pending.isEmpty()) {
        journal.await(pending.removeFirst(), "persisting run " + runId);
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void write(Object item, ArrayDeque<CompletionStage<Long>> pending) throws IOException {
        if (item instanceof RunEvent.EventChunk chunk) {
          while (pending.size() >= IN_FLIGHT) {
            journal.await(pending.removeFirst(), "persisting run " + runId);
          }
          pending.addLast(AskPattern.askWithStatus(run, r -> new RunCommand.Append(chunk, r),
              RunJournal.TIMEOUT, scheduler()));
        } else {
          while (!pending.isEmpty()) {
            journal.await(pending.removeFirst(), "persisting run " + runId);
          }
          if (item instanceof SimEvent.RunFinished f) {
            last = journal.await(AskPattern.askWithStatus(run, r -> new RunCommand.Close(f, r),
                RunJournal.TIMEOUT, scheduler()), "closing run " + runId);
            if (PausePoint.is("finished")) {
              PausePoint.pause("finished of run " + runId + " (" + last.events()
                  + " events journaled)");
            }
          }
        }
  }

  private static String message(Throwable t) {
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static IOException asIo(Throwable t) {
    return t instanceof IOException io ? io : new IOException(message(t), t);
  }
}
