package io.gradesim.traces.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code trace} and {@code bench trace} commands in-process, as the root command does. */
final class TraceCli {
  private TraceCli() {}

  /** The outcome of one command. */
  record Result(int exit, String out, String err) {}

  /** Runs {@code trace ARGS}. */
  static Result trace(String... args) {
    return run(new CommandLine(new TraceCommand()), args);
  }

  /** Runs the benchmark with {@code args}. */
  static Result bench(String... args) {
    return run(new CommandLine(new TraceBenchCommand()), args);
  }

  private static Result run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    // Mirrors the root command: an error the user can fix is one line and exit code 2.
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException
              || e instanceof java.io.IOException
              || e instanceof java.io.UncheckedIOException) {
            cmd.getErr().println("gradesim: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
