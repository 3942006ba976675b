package io.gradesim.journal;

import java.io.IOException;

/**
 * Test-only: the environment variable {@value #ENV} names one point of a journaled run where the
 * process prints {@code gradesim-test: paused at POINT} on standard output and blocks, so a kill
 * test can send SIGKILL exactly there, on a fast or on a loaded machine. Read once when the journal
 * is first used; unset (always, outside tests) it costs one comparison per event.
 *
 * <p>Points, each reached with everything before it persisted:
 *
 * <ul>
 *   <li>{@code opened}: the journal is open and the run looked up; nothing of this attempt is
 *       persisted;
 *   <li>{@code started}: the run's start is persisted, no chunk yet;
 *   <li>{@code event:N} (N &ge; 1): simulated event N (the run's first, RunStarted, is 0) is not
 *       yet journaled, every full chunk before it is persisted;
 *   <li>{@code closing}: every simulated event is persisted and the outputs are in place, the run's
 *       end (RunFinished) is not;
 *   <li>{@code finished}: the run's end is persisted, the journal not yet closed.
 * </ul>
 *
 * <p>A paused process halts when its standard input ends, so it never outlives the test that
 * started it (the test holds the pipe open until it kills the process).
 */
final class PausePoint {
  /** The variable naming the point. */
  static final String ENV = "GRADESIM_TEST_PAUSE_AT";

  private static final String AT = read();

  /** The index of the event to pause before, {@link Long#MAX_VALUE} for none. */
  static final long EVENT =
      AT.startsWith("event:") ? Long.parseLong(AT.substring(6)) : Long.MAX_VALUE;

  private PausePoint() {}

  private static String read() {
    String at = System.getenv(ENV);
    if (at == null || at.isEmpty()) {
      return "";
    }
    if (at.matches("opened|started|closing|finished|event:0*[1-9][0-9]{0,17}")) {
      return at;
    }
    System.err.println(
        "gradesim-test: ignoring "
            + ENV
            + "="
            + at
            + " (expected opened, started, event:N with N >= 1, closing or finished)");
    return "";
  }

  /** True if {@code point} (opened, started, closing, finished) is the one to pause at. */
  static boolean is(String point) {
    return AT.equals(point);
  }

  /** Prints where the process is ({@code where}), then blocks until killed or stdin ends. */
  static void pause(String where) {
    System.out.println("gradesim-test: paused at " + where);
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // Wait for the kill; any input is ignored.
      }
    } catch (IOException e) {
      // Standard input is gone: so is the test.
    }
    Runtime.getRuntime().halt(137);
  }
}
