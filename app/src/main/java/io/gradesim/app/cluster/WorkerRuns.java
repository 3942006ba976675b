package io.gradesim.app.cluster;

import io.gradesim.app.cluster.ClusterProtocol.Done;
import io.gradesim.app.cluster.ClusterProtocol.Ticket;
import io.gradesim.app.cluster.ClusterProtocol.ToBlobs;
import io.gradesim.app.cluster.ClusterProtocol.ToWorker;
import io.gradesim.app.cluster.ClusterProtocol.Work;
import io.gradesim.app.sweep.InlineRun;
import io.gradesim.app.sweep.SweepJournal;
import io.gradesim.files.Sha256;
import io.gradesim.journal.JournalTarget;
import io.gradesim.journal.RunJournal;
import io.gradesim.journal.RunLock;
import io.gradesim.journal.RunState;
import io.gradesim.journal.cli.RunsExportCommand;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.output.PerfReport;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.SimulationSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * What a worker node does with a run, on a thread of its own: fetch the inputs it lacks from the
 * coordinator by hash (once: they are cached by hash), prepare the run as the coordinator did
 * (refusing one whose resolved scenario hashes differently), run it, and serve its outputs by hash
 * until the coordinator has collected them. A sweep with a journal has each run recorded under its
 * run id in the shared PostgreSQL journal, which this node must have been started with: the node
 * first holds the run ({@link RunLock}, so no two nodes write one run), then exports a run the
 * journal holds as finished instead of simulating it again, and resumes an unfinished one.
 */
final class WorkerRuns {
  /** The files a run's outputs are sent back as (those that exist, summary.json last). */
  static final List<String> FILES = outputFiles();

  private final ActorSystem<?> system;
  private final Path cache;
  private final Path work;
  private final Blobs blobs;
  private final ActorRef<ToBlobs> server;
  private final SweepJournal journal;
  private final PrintWriter log;
  private final Map<String, CompletableFuture<Path>> fetched = new ConcurrentHashMap<>();
  private final Map<String, SimulationSetup.Scans> scans = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Path>> served = new ConcurrentHashMap<>();

  /**
   * Runs of a node whose data folder is {@code home}, outputs served by {@code blobs} through
   * {@code server}, journaled into {@code journal} (null: none), one line per run to {@code log}.
   */
  WorkerRuns(
      ActorSystem<?> system,
      Path home,
      Blobs blobs,
      ActorRef<ToBlobs> server,
      RunJournal journal,
      PrintWriter log) {
    this.system = system;
    this.cache = home.resolve("cache");
    this.work = home.resolve("work");
    this.blobs = blobs;
    this.server = server;
    this.journal = journal == null ? null : new SweepJournal(journal);
    this.log = log;
  }

  private static List<String> outputFiles() {
    List<String> all = new ArrayList<>(List.of(PerfReport.FILE));
    all.addAll(RunOutputWriter.FILES); // summary.json last, as the writer moves them
    return List.copyOf(all);
  }

  /** Does the run of {@code w}; never throws: a failure goes back in the answer. */
  Done run(Work w, ActorRef<ToWorker> self) {
    Ticket t = w.ticket();
    Path out = work.resolve(t.runId());
    try (RunLock held = hold(t)) {
      Path trace = input(w.inputs(), t.traceSha256(), Path.of(t.trace()).getFileName().toString());
      Path scenario = input(w.inputs(), t.scenarioBlob(), t.scenarioFile());
      Path calibration =
          t.calibration().isEmpty()
              ? null
              : input(
                  w.inputs(),
                  t.calibrationSha256(),
                  Path.of(t.calibration()).getFileName().toString());
      deleteTree(out);
      if (held != null) {
        RunState s = journal.journal().state(t.runId());
        if (s.status() == RunState.Status.FINISHED) {
          Files.createDirectories(out);
          RunsExportCommand.export(journal.journal(), t.runId(), out);
          log(
              "exported run %s (%s): finished in journal %s",
              t.runId(), t.scenarioFile(), t.journal());
          return done(self, t, out, s.events(), s.submissions(), 0, s.summaryJson());
        }
      }
      return simulate(self, t, out, trace, scenario, calibration, held != null);
    } catch (Exception | OutOfMemoryError e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      log("run %s (%s) failed: %s", t.runId(), t.scenarioFile(), why);
      return failed(self, t, why);
    }
  }

  /** Holds the run in the journal, or null when the sweep has none. */
  private RunLock hold(Ticket t) throws IOException {
    if (t.journal().equals(JournalTarget.NONE.label())) {
      return null;
    }
    String mine = journal == null ? JournalTarget.NONE.label() : journal.label();
    if (!mine.equals(t.journal())) {
      throw new IllegalArgumentException(
          "this node journals into "
              + mine
              + ", the sweep into "
              + t.journal()
              + ": start every node with 'cluster node --journal' and the sweep's URL");
    }
    return RunLock.acquire(journal.journal().target(), t.runId());
  }

  private Done simulate(
      ActorRef<ToWorker> self,
      Ticket t,
      Path out,
      Path trace,
      Path scenario,
      Path calibration,
      boolean journaled)
      throws IOException {
    SweepJournal.Recording rec = journaled ? journal.recording(t.runId()) : null;
    long budget = Runtime.getRuntime().maxMemory() / 6;
    SimulationSetup.Prepared p =
        SimulationSetup.prepare(
            new SimulationSetup.Inputs(
                trace, scenario, List.of(t.overrides()), null, calibration, t.runId(), out),
            scans.computeIfAbsent(t.traceSha256(), h -> SimulationSetup.once(trace, budget)),
            rec == null ? List.of() : List.<SimEventListener>of(rec),
            null,
            t.trace(),
            t.calibration().isEmpty() ? null : t.calibration());
    if (!p.header().scenarioHash().equals(t.scenarioSha256())) {
      return failed(self, t, "the scenario resolved differently on this node");
    }
    RunOutcome o = InlineRun.run(rec == null ? p.spec() : SweepJournal.journaled(p.spec(), rec));
    if (o instanceof RunOutcome.Failed f) {
      log("run %s (%s) failed: %s", t.runId(), t.scenarioFile(), f.reason());
      return failed(self, t, f.reason());
    }
    RunOutcome.Completed c = (RunOutcome.Completed) o;
    log(
        "simulated run %s (%s): %,d events in %.3f s",
        t.runId(), t.scenarioFile(), c.events(), c.wallNanos() / 1e9);
    return done(self, t, out, c.events(), c.submissions(), c.wallNanos(), c.summary());
  }

  /** The answer of a run whose outputs are in {@code out}, each file served by its hash. */
  private Done done(
      ActorRef<ToWorker> self,
      Ticket t,
      Path out,
      long events,
      long submissions,
      long nanos,
      String summary)
      throws IOException {
    List<String> files = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    Map<String, Path> mine = new HashMap<>();
    for (String f : FILES) {
      Path file = out.resolve(f);
      if (Files.isRegularFile(file)) {
        String hash = blobs.add(file);
        files.add(f);
        hashes.add(hash);
        mine.put(hash, file);
      }
    }
    served.put(t.runId(), mine);
    return new Done(
        self,
        t.runId(),
        server,
        files.toArray(String[]::new),
        hashes.toArray(String[]::new),
        events,
        submissions,
        nanos,
        summary,
        "");
  }

  private Done failed(ActorRef<ToWorker> self, Ticket t, String why) {
    return new Done(self, t.runId(), server, new String[0], new String[0], 0, 0, 0, "", why);
  }

  private void log(String format, Object... args) {
    synchronized (log) {
      log.printf(format + "%n", args);
      log.flush();
    }
  }

  /** The run's outputs are collected: stop serving them and delete them. */
  void collected(String runId) {
    Path out = work.resolve(runId);
    Map<String, Path> mine = served.remove(runId);
    if (mine != null) {
      mine.forEach(blobs::remove);
    }
    try {
      deleteTree(out);
    } catch (IOException e) {
      // a leftover under the node's work folder, cleaned when the run comes again
    }
  }

  /** The cached copy of blob {@code hash}, fetched from {@code from} the first time. */
  private Path input(ActorRef<ToBlobs> from, String hash, String name) throws IOException {
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> f = fetched.putIfAbsent(hash, mine);
    if (f == null) {
      Path target = cache.resolve(hash).resolve(name);
      try {
        if (!Files.isRegularFile(target) || !Sha256.ofFile(target).equals(hash)) {
          Blobs.fetch(system, from, hash, target);
        }
        mine.complete(target);
      } catch (IOException | RuntimeException e) {
        fetched.remove(hash);
        mine.completeExceptionally(e);
        throw e;
      }
      f = mine;
    }
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new IOException("fetching input " + name + ": " + e.getCause().getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
