package io.gradesim.probes.runtime;

/** The outcome of one command: exit code (128 + signal when killed), output, and timeout. */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {

  /** Whether the command ran to completion with exit code 0. */
  public boolean ok() {
    return exitCode == 0 && !timedOut;
  }

  /** A one-line description for error messages. */
  public String describe() {
    String err = stderr.isBlank() ? stdout : stderr;
    String line = err.strip().replace('\n', ' ');
    if (line.length() > 300) {
      line = line.substring(0, 300) + "...";
    }
    return (timedOut ? "timed out" : "exit " + exitCode) + (line.isEmpty() ? "" : ": " + line);
  }
}
