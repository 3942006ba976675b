package io.gradesim.journal.cli;

import io.gradesim.files.OutputGuard;
import io.gradesim.journal.RunJournal;
import io.gradesim.journal.RunState;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradesim runs export ID --out DIR}: a run's outputs rebuilt from the journal alone. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds submissions.csv, timeseries.csv, wait.hlog, feedback.hlog and summary.json of a"
          + " finished run from its journaled events alone (no simulation), byte-identical to the"
          + " files the run wrote."
    })
public final class RunsExportCommand implements Callable<Integer> {
  @Mixin JournalOption journal;

  @Parameters(paramLabel = "ID", description = "the run id")
  String id;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    new OutputGuard().dir("--out", out, RunOutputWriter.FILES, List.of()).check();
    try (RunJournal j = journal.open()) {
      RunState s = RunsCommand.existing(j, id);
      if (s.status() != RunState.Status.FINISHED) {
        throw new IllegalStateException(
            "run "
                + id
                + " is "
                + RunsCommand.status(s)
                + ", not finished: its outputs would be partial (resume it with 'gradesim simulate"
                + " ... --run-id "
                + id
                + "')");
      }
      long t0 = System.nanoTime();
      long n = export(j, id, out);
      double s2 = (System.nanoTime() - t0) / 1e9;
      spec.commandLine()
          .getOut()
          .printf(
              "exported run %s: %,d events in %.2f s (%,.0f events/s)" + " to %s%n",
              id, n, s2, n / s2, out);
    }
    return 0;
  }

  /** Replays run {@code id} into a {@link RunOutputWriter} on {@code out}; returns the events. */
  public static long export(RunJournal journal, String id, Path out) throws IOException {
    try (RunOutputWriter w = new RunOutputWriter(out)) {
      long n = journal.replay(id, w);
      w.finish();
      return n;
    }
  }
}
