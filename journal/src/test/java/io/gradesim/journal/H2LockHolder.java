package io.gradesim.journal;

import java.sql.Connection;
import java.sql.DriverManager;

/** A child process that holds an H2 journal open (locked) until its stdin closes. */
public final class H2LockHolder {
  private H2LockHolder() {}

  /** Opens the database at JDBC URL {@code args[0]}, prints "locked", waits for stdin EOF. */
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0])) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
