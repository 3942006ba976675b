package io.gradesim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the benchmarks: each prints its figures (medians, counts) and never asserts. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks of this machine: each prints throughput figures with medians and counts.",
      "The machine may be shared: compare figures run side by side, not across days."
    },
    subcommands = {
      io.gradesim.cli.BenchSimulateCommand.class,
      io.gradesim.app.bench.OutputBenchCommand.class,
      io.gradesim.traces.cli.TraceBenchCommand.class,
      io.gradesim.app.bench.BenchJournalCommand.class,
      io.gradesim.app.bench.BenchCompareCommand.class,
      io.gradesim.app.bench.BenchPlanCommand.class,
      io.gradesim.app.bench.BenchClusterCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
