package io.gradesim.journal;

import io.gradesim.files.Sha256;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One process's exclusive hold on a run of a shared PostgreSQL journal, so that two nodes of a
 * cluster never write the same run at once (a run handed out again while its first node is still at
 * it waits, then finds it finished or resumes it). A session-level advisory lock ({@code
 * pg_advisory_lock}, PostgreSQL manual, "Advisory Locks") on a key derived from the run id, held by
 * a connection of its own: the server releases it when the connection closes, also when the process
 * holding it was killed.
 */
public final class RunLock implements AutoCloseable {
  private final Connection connection;

  private RunLock(Connection connection) {
    this.connection = connection;
  }

  /**
   * Waits until this process holds run {@code runId} of {@code target} (PostgreSQL only); the
   * IOException names the journal if the server cannot be used.
   */
  public static RunLock acquire(JournalTarget target, String runId) throws IOException {
    if (!target.postgres()) {
      throw new IllegalArgumentException(
          "journal " + target.label() + ": runs are locked across nodes in PostgreSQL only");
    }
    Connection c = null;
    try {
      c = JournalDatabase.connect(target);
      try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
        s.setLong(1, key(RunJournal.checkRunId(runId)));
        s.execute();
      }
      return new RunLock(c);
    } catch (SQLException e) {
      closeQuietly(c);
      throw JournalDatabase.explain(target, e);
    }
  }

  /** The lock's key: the first 64 bits of a SHA-256 of the run id (one namespace per journal). */
  static long key(String runId) {
    return Long.parseUnsignedLong(Sha256.ofText("gradesim run " + runId).substring(0, 16), 16);
  }

  /** Releases the run (closing the connection releases its lock). */
  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // The server drops the lock with the session either way.
    }
  }
}
