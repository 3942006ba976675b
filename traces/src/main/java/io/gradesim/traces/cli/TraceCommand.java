package io.gradesim.traces.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trace} command group: import, synthesise, inspect and scale traces. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Imports, synthesises, inspects and scales submission traces.",
      "Import a real platform's log into the canonical trace CSV, synthesise a seeded"
          + " workload, print a trace's statistics, or scale its load."
    },
    subcommands = {
      TraceImportCommand.class,
      TraceSynthCommand.class,
      TraceInspectCommand.class,
      TraceScaleCommand.class
    })
public final class TraceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
