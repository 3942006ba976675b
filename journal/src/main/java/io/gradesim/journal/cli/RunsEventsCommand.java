package io.gradesim.journal.cli;

import io.gradesim.journal.RunJournal;
import io.gradesim.journal.RunState;
import io.gradesim.simulator.event.SimEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradesim runs events ID [--submission SID]}: events read back from the journal. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a run's events from the journal, one per line: virtual instant, seconds since the "
          + "run's epoch, event and its fields.",
      "--submission SID prints the timeline of one submission (trace id): arrival, queue, "
          + "dispatch, container stages, result, delivery."
    })
public final class RunsEventsCommand implements Callable<Integer> {
  @Mixin JournalOption journal;

  @Parameters(paramLabel = "ID", description = "the run id")
  String id;

  @Option(names = "--submission", paramLabel = "SID", description = "only this submission")
  String submission;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    try (RunJournal j = journal.open()) {
      RunState s = RunsCommand.existing(j, id);
      long epoch = s.started().epochMicros();
      int[] ordinal = {-1};
      long[] printed = {0};
      j.replay(
          id,
          e -> {
            if (submission == null || matches(e, ordinal)) {
              o.println(format(e, epoch));
              printed[0]++;
            }
          });
      if (submission != null && printed[0] == 0) {
        throw new IllegalArgumentException("run " + id + " has no submission '" + submission + "'");
      }
    }
    o.flush();
    return 0;
  }

  private boolean matches(SimEvent e, int[] ordinal) {
    if (e instanceof SimEvent.SubmissionArrived a && a.id().equals(submission)) {
      ordinal[0] = a.n();
      return true;
    }
    return ordinal[0] >= 0
        && !(e instanceof SimEvent.SubmissionArrived)
        && ordinalOf(e) == ordinal[0];
  }

  private static int ordinalOf(SimEvent e) {
    for (RecordComponent c : e.getClass().getRecordComponents()) {
      if (c.getName().equals("n")) {
        try {
          return (int) c.getAccessor().invoke(e);
        } catch (ReflectiveOperationException x) {
          throw new IllegalStateException(x);
        }
      }
    }
    return -1;
  }

  /** One line: instant, offset in seconds, event name and fields other than t. */
  static String format(SimEvent e, long epochMicros) {
    long abs = epochMicros + e.t();
    StringBuilder b =
        new StringBuilder()
            .append(
                Instant.ofEpochSecond(
                    Math.floorDiv(abs, 1_000_000L), Math.floorMod(abs, 1_000_000L) * 1000L))
            .append(String.format(" %12.6f ", e.t() / 1e6))
            .append(e.getClass().getSimpleName());
    for (RecordComponent c : e.getClass().getRecordComponents()) {
      if (c.getName().equals("t") || c.getName().endsWith("Json")) {
        continue;
      }
      try {
        b.append(' ').append(c.getName()).append('=').append(c.getAccessor().invoke(e));
      } catch (ReflectiveOperationException x) {
        throw new IllegalStateException(x);
      }
    }
    return b.toString();
  }
}
