package io.gradesim.cli;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.journal.JournalActors;
import io.gradesim.journal.JournalTarget;
import io.gradesim.simulator.costs.RecordedRuntime;
import io.gradesim.traces.cli.TraceInspectCommand;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gradesim} command line: one subcommand group per module (trace, probe, calibrate,
 * simulate, compare, runs, bench, demo, validate).
 *
 * <p>Every error ends as one line on stderr and an exit code ({@link FailureReport}): 2 for what
 * the user can fix (the line names the file, line and field), 3 for out of memory, 130 when
 * interrupted, 1 for a bug. Stack traces only with {@code --debug} or {@code GRADESIM_DEBUG=1}.
 *
 * <p>It owns the command's one actor system ({@link GradesimSystem}), started by the first
 * subcommand that needs actors and terminated when the command line's execution ends, errors
 * included; commands reach it with {@link GradesimSystem#of}, the journal's {@code runs} commands
 * as the root's {@link JournalActors}.
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
      io.gradesim.cli.SimulateCommand.class,
      CompareCommand.class,
      io.gradesim.journal.cli.RunsCommand.class,
      BenchCommand.class,
      io.gradesim.app.demo.DemoCommand.class,
      io.gradesim.app.validate.ValidateCommand.class,
      io.gradesim.app.cluster.ClusterCommand.class,
      io.gradesim.app.plan.PlanCommand.class,
      CdsTrainingCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GradesimCommand implements Runnable, JournalActors, GradesimSystem.Owner {
  private final GradesimSystem actors = new GradesimSystem();
  private int executing;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      description =
          "On an error, print its stack trace too (also "
              + "GRADESIM_DEBUG=1). Give it before the command: gradesim --debug simulate ...")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Override
  public GradesimSystem actors() {
    return actors;
  }

  @Override
  public ActorSystem<?> system(JournalTarget target) {
    return actors.system(target);
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line and returns its exit code; an error escaping the command (out of memory)
   * is reported like an exception.
   */
  public static int execute(String... args) {
    CommandLine cl = commandLine();
    GradesimCommand root = cl.getCommand();
    // A helper thread that runs out of memory (a trace reader) hands its error to the command it
    // serves, which reports it; anything else gets one line instead of the JVM's stack trace.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (root.debug()) {
            e.printStackTrace();
          } else if (!(e instanceof OutOfMemoryError)) {
            System.err.println(
                "gradesim: internal error in thread "
                    + thread.getName()
                    + ": "
                    + e.getClass().getName()
                    + ": "
                    + FailureReport.oneLine(e.getMessage())
                    + " (run with --debug for the stack trace)");
          }
        });
    try {
      return cl.execute(args);
    } catch (Throwable e) {
      return FailureReport.report(e, cl.getErr(), root.debug());
    }
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    GradesimCommand root = new GradesimCommand();
    CommandLine cl = new CommandLine(root, new Factory());
    cl.setExecutionStrategy(GradesimCommand::refuseUnmatchedThenRun);
    // probe --matrix thesis: an option's value may be a subcommand's name (probe thesis).
    cl.setAllowSubcommandsAsOptionParameters(true);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> FailureReport.report(e, cmd.getErr(), root.debug()));
    return cl;
  }

  /**
   * Runs the last subcommand, but first fails on an argument no command took: picocli lets {@code
   * --help} win over it, so {@code gradesim plan --help} would print the root's usage and exit 0
   * instead of saying that there is no command {@code plan}.
   */
  private static int refuseUnmatchedThenRun(CommandLine.ParseResult parsed) {
    GradesimCommand root = (GradesimCommand) parsed.commandSpec().root().userObject();
    // A command that runs others on this command line (demo) is the outermost execution: the
    // actor system ends with it.
    root.executing++;
    try {
      return runLast(parsed);
    } finally {
      if (--root.executing == 0) {
        root.actors.close();
      }
    }
  }

  private static int runLast(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (!p.unmatched().isEmpty() && !p.commandSpec().parser().unmatchedArgumentsAllowed()) {
        throw new CommandLine.UnmatchedArgumentException(
            p.commandSpec().commandLine(), p.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** True when stack traces were asked for ({@code --debug} or {@code GRADESIM_DEBUG=1}). */
  boolean debug() {
    String env = System.getenv("GRADESIM_DEBUG");
    return debug || (env != null && !env.isBlank() && !env.equals("0"));
  }

  /**
   * Makes the commands; {@code trace inspect} gets calibration profiles for {@code
   * --recorded-runtime} from here, as the trace module does not read them.
   */
  private static final class Factory implements CommandLine.IFactory {
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == TraceInspectCommand.class) {
        return cls.cast(
            new TraceInspectCommand(
                (runtime, calibration) ->
                    RecordedRuntime.overhead(runtime, calibration, "--recorded-runtime")));
      }
      return defaults.create(cls);
    }
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
