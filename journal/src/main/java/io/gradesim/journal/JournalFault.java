package io.gradesim.journal;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a failed journal operation tells the user (one line naming the journal and the cause), and
 * whether reconnecting may cure it: a PostgreSQL server that closed or refused the connection
 * (restarted, shutting down, starting up) may be back in a moment; a full disk, a damaged file or a
 * refused write will not.
 */
final class JournalFault {
  private static final String NO_SPACE = "No space left on device";

  private JournalFault() {}

  /** The one-line IOException for {@code e}, which happened while {@code doing}. */
  static IOException describe(JournalTarget target, String doing, Throwable e) {
    List<Throwable> chain = chain(e);
    for (Throwable t : chain) {
      if (t instanceof IOException && String.valueOf(t.getMessage()).contains(NO_SPACE)) {
        return new IOException(
            "journal "
                + target.label()
                + ": no space left on device while "
                + doing
                + "; free space on its file system, then run the command again",
            e);
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SQLException sql) {
        IOException explained = JournalDatabase.explain(target, sql);
        return new IOException(explained.getMessage() + " while " + doing, e);
      }
    }
    return new IOException("journal " + target.label() + ": " + doing + ": " + rootMessage(e), e);
  }

  /** The first line of the message of {@code e}'s deepest cause. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : JournalDatabase.firstLine(root);
  }

  /** True if {@code e} is a lost or refused PostgreSQL connection, which a retry may cure. */
  static boolean isTransient(JournalTarget target, Throwable e) {
    if (!target.postgres()) {
      return false; // H2 runs in this process: no connection to lose
    }
    for (Throwable t : chain(e)) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SocketException
          || t instanceof java.io.EOFException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true; // connection exception; 57P01-03: admin shutdown, crash, cannot connect now
      }
    }
    return false;
  }

  /** {@code e}, its causes and what they suppressed, breadth first. */
  static List<Throwable> chain(Throwable e) {
    List<Throwable> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Throwable> todo = new ArrayDeque<>(List.of(e));
    while (!todo.isEmpty() && out.size() < 64) {
      Throwable t = todo.removeFirst();
      if (seen.add(t)) {
        out.add(t);
        if (t.getCause() != null) {
          todo.addLast(t.getCause());
        }
        Collections.addAll(todo, t.getSuppressed());
      }
    }
    return out;
  }
}
