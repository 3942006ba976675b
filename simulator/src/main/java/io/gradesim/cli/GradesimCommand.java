package io.gradesim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gradesim} command line: one subcommand group per module (trace, probe, calibrate,
 * simulate, compare, runs, bench, demo).
 *
 * <p>Errors the user can fix (bad input, a missing file) print one line naming the file, line and
 * field and exit with code 2; anything else is a bug and prints its stack trace (exit 1).
 */
@Command(
    name = "gradesim",
    mixinStandardHelpOptions = true,
    versionProvider = GradesimCommand.Version.class,
    description = {
      "Capacity planner for code-grading platforms such as INGInious: calibrate container "
          + "runtimes on this host, replay an exam trace against virtual agent pools, and compare "
          + "capacity plans by students' time to feedback."
    },
    subcommands = {
      io.gradesim.traces.cli.TraceCommand.class,
      io.gradesim.probes.cli.ProbeCommand.class,
      io.gradesim.calibration.cli.CalibrateCommand.class,
      io.gradesim.simulator.cli.SimulateCommand.class,
      CompareCommand.class,
      io.gradesim.simulator.journal.cli.RunsCommand.class,
      BenchCommand.class,
      io.gradesim.simulator.demo.DemoCommand.class,
      CdsTrainingCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GradesimCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new GradesimCommand());
    cl.setExecutionStrategy(GradesimCommand::refuseUnmatchedThenRun);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (isUserError(e)) {
            cmd.getErr().println("gradesim: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cl;
  }

  /**
   * Runs the last subcommand, but first fails on an argument no command took: picocli lets
   * {@code --help} win over it, so {@code gradesim plan --help} would print the root's usage and
   * exit 0 instead of saying that there is no command {@code plan}.
   */
  private static int refuseUnmatchedThenRun(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (!p.unmatched().isEmpty() && !p.commandSpec().parser().unmatchedArgumentsAllowed()) {
        throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(),
            p.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  static boolean isUserError(Throwable e) {
    return e instanceof IllegalArgumentException
        || e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof IllegalStateException;
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GradesimCommand.class.getPackage().getImplementationVersion();
      return new String[] {"gradesim " + (v == null ? "development build" : v)};
    }
  }
}
