package io.gradesim.journal;

import io.gradesim.journal.kryo.ChunkCodec;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.StreamConverters;

/**
 * An open run journal: writes runs through {@link RunBehavior} and reads them back with
 * pekko-persistence-query ({@code currentPersistenceIds}, {@code currentEventsByPersistenceId}) in
 * the actor system the application hands it (configured with {@link JournalTarget#settings()}). One
 * per command invocation; close it when done (the actor system stays its owner's).
 */
public final class RunJournal implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String PREFIX = "run-";

  private final JournalTarget target;
  private final JournalCheckpoint checkpoint;
  private final ActorSystem<?> system;
  private final JdbcReadJournal queries;
  private final Duration reconnectFor;
  private int spawned;

  private RunJournal(JournalTarget target, JournalCheckpoint checkpoint, ActorSystem<?> system) {
    this.target = target;
    this.checkpoint = checkpoint;
    this.system = system;
    this.queries =
        PersistenceQuery.get(system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    this.reconnectFor = system.settings().config().getDuration("gradesim.journal.reconnect-for");
  }

  /**
   * Opens (and on first use creates) the journal in {@code system}, which must have been started
   * with {@code target}'s {@link JournalTarget#settings()}; IOException names the journal if it is
   * unusable (an H2 file that lost durably written data is reported as damaged: {@link
   * JournalCheckpoint}).
   */
  public static RunJournal open(JournalTarget target, ActorSystem<?> system) throws IOException {
    if (!target.enabled()) {
      throw new IllegalArgumentException("--journal none: this command needs a journal");
    }
    if (!target.configures(system.settings().config())) {
      throw new IllegalArgumentException(
          "the actor system " + system.name() + " is not configured for journal " + target.label());
    }
    JournalCheckpoint checkpoint = JournalCheckpoint.open(target);
    try {
      return new RunJournal(target, checkpoint, system);
    } catch (RuntimeException e) {
      checkpoint.close();
      throw e;
    }
  }

  /** The journal this instance writes to. */
  public JournalTarget target() {
    return target;
  }

  /** Checks a run id: letters, digits, '.', '_' and '-' only. */
  public static String checkRunId(String runId) {
    if (runId == null || !runId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException(
          "run id '" + runId + "': use 1-100 letters, digits, '.', '_' or '-'");
    }
    return runId;
  }

  /** A recorder that persists run {@code runId}, resuming it if it is unfinished. */
  public RunRecorder recorder(String runId) {
    return new RunRecorder(this, checkRunId(runId), spawn(runId));
  }

  /** The current state of run {@code runId} (NEW if it has no events). */
  public RunState state(String runId) throws IOException {
    WatchedRun run = spawn(checkRunId(runId));
    try {
      return await(ask(run.ref(), RunCommand.Get::new), run, "reading run " + runId);
    } finally {
      run.ref().tell(new RunCommand.Stop());
    }
  }

  /** The ids of all runs in the journal, sorted. */
  public List<String> runIds() throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<String> s =
        queries.currentPersistenceIds().runWith(StreamConverters.asJavaStream(), system)) {
      s.filter(p -> p.startsWith(PREFIX)).forEach(p -> ids.add(p.substring(PREFIX.length())));
    } catch (RuntimeException e) {
      throw failure("listing runs", e);
    }
    ids.sort(null);
    return ids;
  }

  /**
   * Replays every simulated event of run {@code runId}, in order, into {@code sink}; returns how
   * many were replayed. Rows are read and chunks decoded inside the stream (another thread), while
   * the calling thread feeds the decoded events to {@code sink}.
   */
  public long replay(String runId, SimEventListener sink) throws IOException {
    long n = 0;
    String pid = RunBehavior.persistenceId(checkRunId(runId)).id();
    try (Stream<SimEvent[]> s =
        queries
            .currentEventsByPersistenceId(pid, 0L, Long.MAX_VALUE)
            .map(env -> decode(env.event()))
            .async()
            .runWith(StreamConverters.asJavaStream(), system)) {
      Iterator<SimEvent[]> it = s.iterator();
      while (it.hasNext()) {
        for (SimEvent e : it.next()) {
          sink.on(e);
          n++;
        }
      }
    } catch (RuntimeException e) {
      throw failure("reading run " + runId, e);
    }
    return n;
  }

  private static final SimEvent[] NO_EVENTS = new SimEvent[0];

  /** The simulated events one journal row holds. */
  static SimEvent[] decode(Object event) {
    if (event instanceof RunEvent.EventChunk c) {
      SimEvent[] out = new SimEvent[c.count()];
      int[] i = {0};
      ChunkCodec.decode(c.payload(), e -> out[i[0]++] = e);
      return out;
    }
    if (event instanceof RunEvent.RunOpened o) {
      return new SimEvent[] {o.started()};
    }
    if (event instanceof RunEvent.RunClosed c) {
      return new SimEvent[] {c.finished()};
    }
    return NO_EVENTS;
  }

  /** Deletes run {@code runId}; returns false if it had no events. */
  public boolean delete(String runId) throws IOException {
    String pid = RunBehavior.persistenceId(checkRunId(runId)).id();
    return JournalDatabase.delete(target, pid) > 0;
  }

  Scheduler scheduler() {
    return system.scheduler();
  }

  /** How long writes to a PostgreSQL journal are retried after its connection was lost. */
  Duration reconnectFor() {
    return reconnectFor;
  }

  /**
   * Makes everything committed so far durable (H2: synced to disk and recorded in the commit log;
   * PostgreSQL: already so once acknowledged). Throws the IOException naming the cause.
   */
  void checkpoint(String doing) throws IOException {
    checkpoint.sync(doing);
  }

  synchronized WatchedRun spawn(String runId) {
    return WatchedRun.spawn(system, runId, "run-" + runId + "-" + (++spawned));
  }

  <T> CompletionStage<T> ask(ActorRef<RunCommand> run, Function<ActorRef<T>, RunCommand> message) {
    return AskPattern.ask(run, message::apply, TIMEOUT, system.scheduler());
  }

  /**
   * Waits for a reply of {@code run}, or for {@code run} to stop without one (a failed write); a
   * journal failure becomes an IOException naming the journal and the cause.
   */
  <T> T await(CompletionStage<T> reply, WatchedRun run, String doing) throws IOException {
    CompletableFuture<T> r = reply.toCompletableFuture();
    try {
      CompletableFuture.anyOf(r, run.stopped()).get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
      if (!r.isDone()) {
        Throwable why = run.stopped().getNow(null);
        throw failure(
            doing,
            why != null ? why : new IllegalStateException("the run's journal actor stopped"));
      }
      return r.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("journal " + target.label() + ": interrupted while " + doing, e);
    } catch (ExecutionException | TimeoutException e) {
      throw failure(doing, e.getCause() == null ? e : e.getCause());
    }
  }

  IOException failure(String doing, Throwable e) {
    if (e instanceof TimeoutException
        || e instanceof org.apache.pekko.pattern.AskTimeoutException) {
      return new IOException(
          "journal "
              + target.label()
              + ": "
              + doing
              + ": no answer in "
              + TIMEOUT.toSeconds()
              + " s (the journal failed or is unreachable)",
          e);
    }
    return JournalFault.describe(target, doing, checkpoint.withPanic(e));
  }

  /**
   * Closes the journal's own connection. The actor system, with the plugin's connection pool, stays
   * up until its owner terminates it (then H2 closes the file).
   */
  @Override
  public void close() {
    checkpoint.close();
  }
}
