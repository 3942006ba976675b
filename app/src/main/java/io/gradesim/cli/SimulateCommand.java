package io.gradesim.cli;

import io.gradesim.app.sweep.InlineRun;
import io.gradesim.app.system.GradesimSystem;
import io.gradesim.files.OutputGuard;
import io.gradesim.journal.JournalSession;
import io.gradesim.journal.JournalTarget;
import io.gradesim.simulator.output.PerfReport;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.RunSummary;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.SimulationSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradesim simulate}: replays a trace against a scenario's agent pool in virtual time. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a canonical trace against the agent pool of a scenario (HOCON) in virtual time, "
          + "as INGInious grades: topic queues, free slots, container stages, shared cores.",
      "Writes submissions.csv, timeseries.csv and summary.json (identical for the same inputs) "
          + "and perf.json (wall-clock figures) to --out."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--trace",
      required = true,
      paramLabel = "TRACE",
      description = "canonical trace CSV (.gz accepted)")
  Path trace;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "FILE.conf",
      description = "scenario file (HOCON)")
  Path scenario;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario key")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--close",
      paramLabel = "INSTANT",
      description =
          "when the exam closes for admission = closed-loop, e.g. 2024-01-15T12:00:00Z (default:"
              + " the trace's last arrival plus its longest recorded feedback)")
  Instant close;

  @Option(
      names = "--calibration",
      paramLabel = "PROFILE.json",
      description = "calibration profile (JSON) for costs = profile")
  Path calibration;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "random seed (default: the scenario's seed)")
  Long seed;

  @Option(
      names = "--journal",
      paramLabel = "h2|none|URL",
      description =
          "where events are"
              + " persisted: h2 (the data folder's H2 file), none, or jdbc:postgresql://host/db?user=..&"
              + "password=.. (default: ${DEFAULT-VALUE})")
  String journal = "h2";

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "the run's id (default: a new"
              + " random id); the id of an unfinished run resumes it, a finished one is refused")
  String runId;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  /** The files a run writes into its output directory. */
  public static final List<String> OUTPUT_FILES =
      List.of(
          RunOutputWriter.SUBMISSIONS,
          RunOutputWriter.TIMESERIES,
          RunOutputWriter.WAIT_LOG,
          RunOutputWriter.FEEDBACK_LOG,
          RunOutputWriter.SUMMARY,
          PerfReport.FILE);

  @Override
  public Integer call() throws Exception {
    new OutputGuard()
        .input("--trace", trace)
        .input("--scenario", scenario)
        .input("--calibration", calibration)
        .dir("--out", out, OUTPUT_FILES, List.of())
        .check();
    String id = runId != null ? runId : UUID.randomUUID().toString();
    try (JournalSession session =
        JournalSession.open(
            JournalTarget.parse(journal, JournalTarget.defaultHome()),
            id,
            GradesimSystem.of(spec))) {
      // The journal opens meanwhile (JournalSession); a finished run is refused before simulating.
      SimulationSetup.Prepared run =
          SimulationSetup.prepare(
              new SimulationSetup.Inputs(
                  trace, scenario, withClose(overrides, close), seed, calibration, id, out),
              List.of(session.listener()),
              System.err);
      session.checkResumable();
      if (!run.costs().note().isEmpty()) {
        spec.commandLine().getErr().println("simulate: " + run.costs().note());
      }
      if (!run.survey().note().isEmpty()) {
        spec.commandLine().getErr().println("simulate: " + run.survey().note());
      }
      // One run needs no sweep: it runs on this thread (an actor system starts for the journal).
      RunOutcome outcome = InlineRun.run(run.spec());
      if (outcome instanceof RunOutcome.Failed f) {
        session.fail(f.reason());
        if (f.cause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(f.reason(), f.cause());
      }
      session.awaitFinished();
      print(spec.commandLine().getOut(), run.result().get(), run.costs().sources());
      spec.commandLine().getOut().printf("%-22s %s (journal %s)%n", "run", id, session.label());
    }
    return 0;
  }

  /** {@code overrides} and, when {@code close} is given, the scenario key it sets. */
  public static List<String> withClose(List<String> overrides, Instant close) {
    if (close == null) {
      return overrides;
    }
    List<String> all = new ArrayList<>(overrides);
    all.add("closed-loop.close = \"" + close + "\"");
    return all;
  }

  private void print(PrintWriter o, RunSummary r, Map<String, String> costSources) {
    o.printf("%-22s %s%n", "scenario", scenario.getFileName());
    if (r.retried() == null) {
      o.printf(
          "%-22s %,d (delivered %,d, rejected %,d, deferred %,d)%n",
          "submissions", r.submissions(), r.delivered(), r.rejected(), r.deferred());
    } else {
      o.printf(
          "%-22s %,d (delivered %,d, refused %,d, retried %,d, never sent %,d: exam closed)%n",
          "submissions", r.submissions(), r.delivered(), r.rejected(), r.retried(), r.neverSent());
    }
    o.printf(
        "%-22s mean %s  p50 %s  p95 %s  p99 %s  max %s%n",
        "wait (s)",
        f(r.waitMeanS()),
        f(r.waitP50S()),
        f(r.waitP95S()),
        f(r.waitP99S()),
        f(r.waitMaxS()));
    o.printf(
        "%-22s mean %s  p50 %s  p95 %s  p99 %s  max %s%n",
        "feedback (s)",
        f(r.feedbackMeanS()),
        f(r.feedbackP50S()),
        f(r.feedbackP95S()),
        f(r.feedbackP99S()),
        f(r.feedbackMaxS()));
    o.printf(
        "%-22s %s   peak queue %d   mean queue %s%n",
        "utilisation", f(r.utilisation()), r.peakQueue(), f(r.queueMean()));
    o.printf(
        "%-22s %s (%s core-h, %s agent-h)%n",
        "cost", f(r.cost()), f(r.coreHours()), f(r.agentHours()));
    o.printf("%-22s %s%n", "results", r.results());
    if (!costSources.isEmpty()) {
      o.printf("%-22s %s%n", "stage costs", new TreeMap<>(costSources));
    }
    o.printf("%-22s %s%n", "outputs", out);
  }

  private static String f(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.3f", v);
  }
}
