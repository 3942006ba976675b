package io.gradesim.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * An H2 file journal's durability: checked when the journal opens, forced while runs are written.
 * H2 writes committed rows in the background and never syncs them, so a full disk or a crash lost
 * rows of runs that were reported finished; and a damaged file (truncated, an older copy) opens
 * silently as an older state, just as H2 falls back to its last good chunk after a SIGKILL. So the
 * database holds a commit counter (table {@value #TABLE}, with a random journal id), and {@link
 * #sync} increments it, writes everything H2 has committed, syncs the file and only then appends
 * the counter to the {@link CommitLog} beside it, synced too. On open the database must hold at
 * least the last commit the log records: less means it lost data it had durably written, and it is
 * reported as damaged before anything writes to it (it is checked read-only). PostgreSQL needs none
 * of this: a commit it acknowledged is durable.
 */
final class JournalCheckpoint implements AutoCloseable {
  static final String TABLE = "gradesim_commit";
  private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  private final JournalTarget target;
  private final Connection connection;
  private final CommitLog log;
  private final String journalId;
  private final Object lock;

  private JournalCheckpoint(
      JournalTarget target, Connection connection, CommitLog log, String journalId, Path file) {
    this.target = target;
    this.connection = connection;
    this.log = log;
    this.journalId = journalId;
    this.lock = file == null ? this : LOCKS.computeIfAbsent(file.toAbsolutePath(), f -> f);
  }

  /**
   * Opens the journal {@code target}, creating its tables on first use; for an H2 file, first
   * checks it against its commit log and keeps a connection for {@link #sync}.
   */
  static JournalCheckpoint open(JournalTarget target) throws IOException {
    Path file = JournalDatabase.h2File(target);
    if (file == null) {
      try (Connection c = JournalDatabase.connect(target)) {
        JournalDatabase.createSchema(target, c);
      } catch (SQLException e) {
        throw JournalDatabase.explain(target, e);
      }
      return new JournalCheckpoint(target, null, null, null, null);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    CommitLog log = CommitLog.beside(file);
    // The log first, then the database: a commit recorded in between is in the database too.
    CommitLog.Entry last = log.last();
    if (last != null) {
      verify(target, file, log, last);
    }
    Connection c = null;
    try {
      c = JournalDatabase.connect(target);
      JournalDatabase.createSchema(target, c);
      String id = journalId(c);
      log.compactIfLong();
      return new JournalCheckpoint(target, c, log, id, file);
    } catch (SQLException e) {
      closeQuietly(c);
      throw JournalDatabase.explain(target, e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * Makes everything the journal committed so far durable and records it in the commit log; a no-op
   * for PostgreSQL. {@code doing} says what for, in messages. Throws the IOException naming the
   * journal and the cause (a full disk: "no space left on device").
   */
  void sync(String doing) throws IOException {
    if (connection == null) {
      return;
    }
    synchronized (lock) {
      long n;
      try (Statement s = connection.createStatement()) {
        s.executeUpdate("UPDATE \"" + TABLE + "\" SET \"commits\" = \"commits\" + 1");
        try (ResultSet r = s.executeQuery("SELECT \"commits\" FROM \"" + TABLE + "\"")) {
          r.next();
          n = r.getLong(1);
        }
        MVStore store = store(connection);
        store.commit();
        // H2's background writer may still be writing what it took before our commit: wait.
        store.executeFilestoreOperation(() -> {});
        store.sync();
      } catch (SQLException | RuntimeException e) {
        throw JournalFault.describe(target, doing, withPanic(e));
      }
      try {
        log.append(new CommitLog.Entry(journalId, n));
      } catch (IOException e) {
        throw JournalFault.describe(target, doing + " (commit log " + log.file() + ")", e);
      }
    }
  }

  /** The failure that stopped H2's store, if any (it holds the cause: a full disk...). */
  Throwable withPanic(Throwable e) {
    if (connection == null) {
      return e;
    }
    try {
      Throwable panic = store(connection).getPanicException();
      if (panic != null && panic != e) {
        e.addSuppressed(panic);
      }
    } catch (SQLException | RuntimeException ignored) {
      // The connection is gone with the store; e says what happened.
    }
    return e;
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void verify(JournalTarget target, Path file, CommitLog log, CommitLog.Entry last)
      throws IOException {
    long size = Files.exists(file) ? Files.size(file) : -1;
    if (size <= 0) {
      throw damaged(target, file, log, last, size < 0 ? "it is missing" : "it is empty (0 bytes)");
    }
    try (Connection ro = DriverManager.getConnection(target.url() + ";ACCESS_MODE_DATA=r");
        Statement s = ro.createStatement()) {
      if (!JournalDatabase.hasTable(ro, TABLE)) {
        throw damaged(target, file, log, last, "it holds no commit counter");
      }
      try (ResultSet r =
          s.executeQuery("SELECT \"journal_id\", \"commits\" FROM \"" + TABLE + "\"")) {
        if (!r.next()) {
          throw damaged(target, file, log, last, "it holds no commit counter");
        }
        if (!r.getString(1).equals(last.journalId())) {
          throw damaged(
              target,
              file,
              log,
              last,
              "it is another journal (id "
                  + r.getString(1)
                  + ", the log's is "
                  + last.journalId()
                  + ")");
        }
        if (r.getLong(2) < last.commit()) {
          throw damaged(target, file, log, last, "it holds only " + r.getLong(2) + " commits");
        }
      }
    } catch (SQLException e) {
      throw JournalDatabase.explain(target, e);
    }
  }

  private static IOException damaged(
      JournalTarget target, Path file, CommitLog log, CommitLog.Entry last, String what) {
    return new IOException(
        "journal "
            + target.label()
            + " is damaged: "
            + what
            + ", but its commit log "
            + log.file().getFileName()
            + " records "
            + last.commit()
            + " durable commits (truncated, overwritten or replaced by an older copy); restore it"
            + " from a backup, or move the folder "
            + file.toAbsolutePath().getParent()
            + " away to start an empty journal");
  }

  /** The journal's id, creating the commit counter (with a new random id) on first use. */
  private static String journalId(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS \""
              + TABLE
              + "\" (\"journal_id\" VARCHAR(64) NOT NULL,"
              + " \"commits\" BIGINT NOT NULL)");
      try (ResultSet r = s.executeQuery("SELECT \"journal_id\" FROM \"" + TABLE + "\"")) {
        if (r.next()) {
          return r.getString(1);
        }
      }
    }
    String id = UUID.randomUUID().toString();
    try (PreparedStatement p = c.prepareStatement("INSERT INTO \"" + TABLE + "\" VALUES (?, 0)")) {
      p.setString(1, id);
      p.executeUpdate();
    }
    return id;
  }

  private static MVStore store(Connection c) throws SQLException {
    SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().getStore().getMvStore();
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // Closing after a failure: the failure is what the user needs to see.
      }
    }
  }
}
