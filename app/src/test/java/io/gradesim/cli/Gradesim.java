package io.gradesim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the root command line in-process, capturing what it prints. */
final class Gradesim {
  private Gradesim() {}

  /** The outcome of one command. */
  record Result(int exit, String out, String err) {}

  /** Runs {@code gradesim ARGS}. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
