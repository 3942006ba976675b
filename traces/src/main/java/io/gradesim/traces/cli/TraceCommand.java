package io.gradesim.traces.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trace} command group: import real traces, synthesise workloads, inspect a trace. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Imports, synthesises and inspects submission traces.",
      "Import a real platform's log into the canonical trace CSV, synthesise a seeded"
          + " workload, or print a trace's statistics."
    },
    subcommands = {TraceImportCommand.class, TraceSynthCommand.class, TraceInspectCommand.class})
public final class TraceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
