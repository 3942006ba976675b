package io.gradesim.simulator.run;

/**
 * The work of one run as an actor drives it: advance the event loop in slices, then finish (write
 * outputs); {@link #close()} releases files also when the run failed.
 */
public interface RunTask extends AutoCloseable {

  /** Processes at most {@code maxEvents} events; returns true when the run has ended. */
  boolean advance(long maxEvents) throws Exception;

  /** Completes the ended run (outputs, summary) and returns its outcome. */
  RunOutcome.Completed finish() throws Exception;

  /** Releases what the run holds; a run closed before {@link #finish()} leaves no output. */
  @Override
  void close() throws Exception;
}
