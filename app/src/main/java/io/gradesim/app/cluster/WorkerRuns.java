package io.gradesim.app.cluster;

import io.gradesim.app.cluster.ClusterProtocol.Done;
import io.gradesim.app.cluster.ClusterProtocol.Ticket;
import io.gradesim.app.cluster.ClusterProtocol.ToBlobs;
import io.gradesim.app.cluster.ClusterProtocol.ToWorker;
import io.gradesim.app.cluster.ClusterProtocol.Work;
import io.gradesim.app.sweep.InlineRun;
import io.gradesim.simulator.output.PerfReport;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.SimulationSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * until the coordinator has collected them.
 */
final class WorkerRuns {
  /** The files a run's outputs are sent back as. */
  static final List<String> FILES = outputFiles();

  private final ActorSystem<?> system;
  private final Path cache;
  private final Path work;
  private final Blobs blobs;
  private final ActorRef<ToBlobs> server;
  private final Map<String, CompletableFuture<Path>> fetched = new ConcurrentHashMap<>();
  private final Map<String, SimulationSetup.Scans> scans = new ConcurrentHashMap<>();

  WorkerRuns(ActorSystem<?> system, Path home, Blobs blobs, ActorRef<ToBlobs> server) {
    this.system = system;
    this.cache = home.resolve("cache");
    this.work = home.resolve("work");
    this.blobs = blobs;
    this.server = server;
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
    try {
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
      long budget = Runtime.getRuntime().maxMemory() / 6;
      SimulationSetup.Prepared p =
          SimulationSetup.prepare(
              new SimulationSetup.Inputs(
                  trace, scenario, List.of(t.overrides()), null, calibration, t.runId(), out),
              scans.computeIfAbsent(t.traceSha256(), h -> SimulationSetup.once(trace, budget)),
              List.of(),
              null,
              t.trace(),
              t.calibration().isEmpty() ? null : t.calibration());
      if (!p.header().scenarioHash().equals(t.scenarioSha256())) {
        return failed(self, t, "the scenario resolved differently on this node");
      }
      RunOutcome o = InlineRun.run(p.spec());
      if (o instanceof RunOutcome.Failed f) {
        return failed(self, t, f.reason());
      }
      RunOutcome.Completed c = (RunOutcome.Completed) o;
      String[] hashes = new String[FILES.size()];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] = blobs.add(out.resolve(FILES.get(i)));
      }
      return new Done(
          self,
          t.runId(),
          server,
          FILES.toArray(String[]::new),
          hashes,
          c.events(),
          c.submissions(),
          c.summary(),
          "");
    } catch (Exception | OutOfMemoryError e) {
      return failed(self, t, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private Done failed(ActorRef<ToWorker> self, Ticket t, String why) {
    return new Done(self, t.runId(), server, new String[0], new String[0], 0, 0, "", why);
  }

  /** The run's outputs are collected: stop serving them and delete them. */
  void collected(String runId) {
    Path out = work.resolve(runId);
    for (String f : FILES) {
      try {
        if (Files.isRegularFile(out.resolve(f))) {
          blobs.remove(io.gradesim.files.Sha256.ofFile(out.resolve(f)));
        }
      } catch (IOException e) {
        // it stays served until the node stops: harmless
      }
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
        if (!Files.isRegularFile(target) || !io.gradesim.files.Sha256.ofFile(target).equals(hash)) {
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
