package io.gradesim.journal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.journal.JournalDatabase;
import io.gradesim.journal.RunJournal;
import io.gradesim.journal.RunState;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gradesim runs}: the runs recorded in the journal. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists, shows, exports or deletes the runs recorded in the journal.",
      "Inspect the runs recorded in the journal (every simulated event of every run, written by "
          + "'gradesim simulate'): list them, show one, print a submission's timeline, rebuild a run's "
          + "output files from the journal alone, or delete a run."
    },
    subcommands = {
      RunsCommand.ListRuns.class,
      RunsCommand.Show.class,
      RunsEventsCommand.class,
      RunsExportCommand.class,
      RunsCommand.Delete.class
    })
public final class RunsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final ObjectMapper JSON = new ObjectMapper();

  /** A summary value as text, or "-" when absent. */
  static String summaryValue(RunState s, String key) {
    if (s.summaryJson().isEmpty()) {
      return "-";
    }
    try {
      JsonNode v = JSON.readTree(s.summaryJson()).get(key);
      return v == null || v.isNull() ? "-" : v.asText();
    } catch (IOException e) {
      return "?";
    }
  }

  static String status(RunState s) {
    return s.status() == RunState.Status.FAILED
        ? "failed: " + s.reason()
        : s.status().name().toLowerCase(java.util.Locale.ROOT);
  }

  static RunState existing(RunJournal journal, String id) throws IOException {
    RunState s = journal.state(id);
    if (s.status() == RunState.Status.NEW) {
      throw new IllegalArgumentException(
          "no run '" + id + "' in journal " + journal.target().label());
    }
    return s;
  }

  /** {@code runs list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "One line per run: id, scenario, trace, status, start time (UTC),"
              + " submissions, p95 time to feedback in seconds.")
  static final class ListRuns implements Callable<Integer> {
    @Mixin JournalOption journal;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {"ID", "SCENARIO", "TRACE", "STATUS", "STARTED", "SUBMISSIONS", "P95_FB_S"});
      try (RunJournal j = journal.open()) {
        for (String id : j.runIds()) {
          RunState s = j.state(id);
          if (s.started() == null) {
            continue;
          }
          rows.add(
              new String[] {
                id,
                s.started().scenarioName(),
                s.started().traceFile(),
                s.status().name().toLowerCase(java.util.Locale.ROOT),
                Instant.ofEpochMilli(s.startedMillis()).toString().replaceFirst("\\.\\d+Z$", "Z"),
                Long.toString(s.submissions()),
                summaryValue(s, "feedback_p95_s")
              });
        }
      }
      // Columns as wide as their longest value: ids are often 36-character UUIDs.
      int[] w = new int[7];
      for (String[] r : rows) {
        for (int c = 0; c < w.length; c++) {
          w[c] = Math.max(w[c], r[c].length());
        }
      }
      String format =
          "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %-" + w[4] + "s  %"
              + w[5] + "s  %" + w[6] + "s%n";
      for (String[] r : rows) {
        o.printf(format, (Object[]) r);
      }
      return 0;
    }
  }

  /** {@code runs show ID}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "A run's provenance (trace, scenario, calibration with their SHA-256, seed,"
              + " version), status, counts and summary.")
  static final class Show implements Callable<Integer> {
    @Mixin JournalOption journal;

    @Parameters(paramLabel = "ID", description = "the run id")
    String id;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      try (RunJournal j = journal.open()) {
        RunState s = existing(j, id);
        var p = s.started();
        o.printf(
            "run          %s%nstatus       %s%nstarted      %s%n",
            id, status(s), Instant.ofEpochMilli(s.startedMillis()));
        o.printf("trace        %s  sha256 %s%n", p.traceFile(), p.traceHash());
        o.printf("scenario     %s  sha256 %s%n", p.scenarioName(), p.scenarioHash());
        o.printf(
            "calibration  %s  sha256 %s%n",
            p.calibrationFile().isEmpty() ? "(none)" : p.calibrationFile(), p.calibrationHash());
        o.printf(
            "seed         %d%nversion      %s%nepoch        %s%n",
            p.seed(), p.version(), Instant.EPOCH.plusNanos(p.epochMicros() * 1000));
        o.printf("events       %d%nsubmissions  %d%n", s.events(), s.submissions());
        o.printf("scenario (resolved)%n%s%n", p.scenarioJson());
        if (!s.summaryJson().isEmpty()) {
          o.printf("summary%n%s%n", s.summaryJson());
        }
      }
      return 0;
    }
  }

  /** {@code runs delete ID...}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Deletes runs' events and snapshots from the journal (not their output files)"
            + ", then compacts an H2 journal so that the space they held is given back."
      })
  static final class Delete implements Callable<Integer> {
    @Mixin JournalOption journal;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "the run ids")
    List<String> ids;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      try (RunJournal j = journal.open()) {
        List<String> known = j.runIds();
        for (String id : ids) { // all or none: a mistyped id deletes nothing
          if (!known.contains(id)) {
            throw new IllegalArgumentException(
                "no run '" + id + "' in journal " + j.target().label() + "; nothing deleted");
          }
        }
        for (String id : ids) {
          j.delete(id);
          o.printf("deleted run %s%n", id);
        }
      }
      long[] size = JournalDatabase.compact(journal.target());
      if (size != null) {
        o.printf(
            "compacted journal %s: %.1f MB -> %.1f MB%n",
            journal.target().label(), size[0] / 1e6, size[1] / 1e6);
      }
      return 0;
    }
  }
}
