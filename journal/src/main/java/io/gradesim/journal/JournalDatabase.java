package io.gradesim.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC around the journal database, outside Pekko: checks that it can be opened (so a locked,
 * corrupt or unreachable journal gives one clear message before any actor starts), creates the
 * plugin's schema on first use (the DDL shipped in the pekko-persistence-jdbc jar), deletes a run's
 * rows and compacts an H2 file after deletions.
 */
public final class JournalDatabase {
  private static final int H2_LOCKED = 90020;
  private static final int H2_CORRUPT = 90030;

  private JournalDatabase() {}

  /**
   * Opens the journal once, creating its tables if missing; throws IOException if it is unusable
   * (an H2 file is first checked against its commit log: see {@link JournalCheckpoint}).
   */
  public static void prepare(JournalTarget target) throws IOException {
    JournalCheckpoint.open(target).close();
  }

  /** Creates the plugin's tables on {@code c} unless they exist. */
  static void createSchema(JournalTarget target, Connection c) throws SQLException {
    if (!hasTable(c, "event_journal")) {
      runScript(
          c,
          target.postgres()
              ? "schema/postgres/postgres-create-schema.sql"
              : "schema/h2/h2-create-schema.sql");
    }
  }

  /** Deletes every row of run {@code persistenceId}; returns the number of journal rows removed. */
  public static int delete(JournalTarget target, String persistenceId) throws IOException {
    String q = target.postgres() ? "" : "\"";
    try (Connection c = connect(target)) {
      int rows;
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM "
                  + q
                  + "event_journal"
                  + q
                  + " WHERE "
                  + q
                  + "persistence_id"
                  + q
                  + " = ?")) {
        s.setString(1, persistenceId);
        rows = s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM "
                  + q
                  + "snapshot"
                  + q
                  + " WHERE "
                  + q
                  + "persistence_id"
                  + q
                  + " = ?")) {
        s.setString(1, persistenceId);
        s.executeUpdate();
      }
      return rows;
    } catch (SQLException e) {
      throw explain(target, e);
    }
  }

  /** The H2 database file ({@code <name>.mv.db}) of an H2 file journal, else null. */
  static Path h2File(JournalTarget target) {
    if (target.postgres() || !target.url().startsWith("jdbc:h2:file:")) {
      return null;
    }
    String name = target.url().substring("jdbc:h2:file:".length()).split(";")[0];
    return Path.of(name + ".mv.db");
  }

  /**
   * Rewrites an H2 file journal without the space its deleted rows held ({@code SHUTDOWN COMPACT};
   * the journal appends and never reuses freed space, see {@link JournalTarget#h2}), and returns
   * its size in bytes before and after; null for PostgreSQL, which reclaims space itself. Call it
   * with no other connection open: the database closes when it is done.
   */
  public static long[] compact(JournalTarget target) throws IOException {
    Path file = h2File(target);
    if (file == null || !Files.exists(file)) {
      return null;
    }
    long before = Files.size(file);
    try (Connection c = connect(target);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    } catch (SQLException e) {
      throw explain(target, e);
    }
    return new long[] {before, Files.size(file)};
  }

  /** A one-line, user-facing description of why the journal cannot be used. */
  public static IOException explain(JournalTarget target, SQLException e) {
    String what;
    if (e.getErrorCode() == H2_LOCKED) {
      what = "is in use by another gradesim process (the H2 file is locked); wait for it to end";
    } else if (e.getErrorCode() == H2_CORRUPT
        || String.valueOf(e.getMessage()).contains("corrupt")
        || "XX001".equals(e.getSQLState())) {
      Path file = h2File(target);
      what =
          "is damaged ("
              + firstLine(e)
              + "); restore it from a backup"
              + (file == null
                  ? ""
                  : ", or move the folder "
                      + file.toAbsolutePath().getParent()
                      + " away to start an empty journal")
              + " (or run with --journal none)";
    } else if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
      what = "is unreachable (" + firstLine(e) + ")";
    } else {
      what = "cannot be used (" + firstLine(e) + ")";
    }
    return new IOException("journal " + target.label() + " " + what, e);
  }

  static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }

  static Connection connect(JournalTarget target) throws SQLException {
    try {
      Class.forName(target.driver());
    } catch (ClassNotFoundException e) {
      throw new SQLException("no JDBC driver " + target.driver(), e);
    }
    DriverManager.setLoginTimeout(10);
    return DriverManager.getConnection(target.url());
  }

  static boolean hasTable(Connection c, String table) throws SQLException {
    try (ResultSet r = c.getMetaData().getTables(null, null, table, null)) {
      return r.next();
    }
  }

  private static void runScript(Connection c, String resource) throws SQLException {
    String sql;
    try (InputStream in = JournalDatabase.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new SQLException("schema " + resource + " missing from pekko-persistence-jdbc");
      }
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SQLException(e);
    }
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      for (String stmt : sql.split(";")) {
        if (!stmt.isBlank()) {
          s.execute(stmt);
        }
      }
    }
  }
}
