package io.gradesim.journal;

/**
 * A kill test's point: where a child is paused ({@code pauseAt}, a {@link PausePoint}), how its
 * pause line names it ({@code where}), and what the journal holds once it is killed there.
 */
record KillPoint(String pauseAt, String where, RunState.Status status, long journaled) {

  /** Paused at phase {@code phase} (opened, started, closing, finished). */
  static KillPoint phase(String phase, RunState.Status status, long journaled) {
    return new KillPoint(phase, phase, status, journaled);
  }

  /** Paused before simulated event {@code n} of a new run: the full chunks before it persisted. */
  static KillPoint event(long n) {
    return new KillPoint(
        "event:" + n,
        "event " + n,
        RunState.Status.RUNNING,
        1 + (n - 1) / RunRecorder.CHUNK * RunRecorder.CHUNK);
  }
}
