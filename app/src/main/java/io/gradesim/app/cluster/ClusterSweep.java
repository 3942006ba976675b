package io.gradesim.app.cluster;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import io.gradesim.app.cluster.ClusterProtocol.Done;
import io.gradesim.app.cluster.ClusterProtocol.Ticket;
import io.gradesim.app.cluster.ClusterProtocol.ToBlobs;
import io.gradesim.app.sweep.RunRequest;
import io.gradesim.app.sweep.SweepRunner;
import io.gradesim.files.PartialFiles;
import io.gradesim.files.Sha256;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * A scenario sweep's runs on the cluster this process joined: the coordinator's side of {@code
 * compare --cluster}. The inputs are served by hash (the scenario with its includes inlined, so a
 * node needs no sibling file); each run's outputs are fetched from its worker into the run's folder
 * here, under the names a local run writes.
 */
public final class ClusterSweep implements SweepRunner {
  private static final AtomicInteger SWEEPS = new AtomicInteger();

  private final ActorSystem<?> system;
  private final String journal;
  private final List<String> cluster;
  private final Consumer<String> log;
  private final String command;
  private final LongAdder overheadNanos = new LongAdder();
  private final LongAdder runNanos = new LongAdder();
  private final LongAdder simulated = new LongAdder();
  private final LongAdder spanNanos = new LongAdder();
  private final Set<String> workers = ConcurrentHashMap.newKeySet();

  /**
   * Runs on the cluster of {@code system}, joined at {@code cluster} (HOST:PORT, for messages);
   * {@code journal} is the sweep's journal label ("none" for none); {@code log} gets one line per
   * run stored and per worker lost.
   */
  public ClusterSweep(
      ActorSystem<?> system, String journal, List<String> cluster, Consumer<String> log) {
    this(system, journal, cluster, log, "compare");
  }

  /** As above, its lines and errors starting with {@code command}, e.g. {@code plan}. */
  public ClusterSweep(
      ActorSystem<?> system,
      String journal,
      List<String> cluster,
      Consumer<String> log,
      String command) {
    this.system = system;
    this.journal = journal;
    this.cluster = List.copyOf(cluster);
    this.log = log;
    this.command = command;
  }

  /**
   * The cluster's mean overhead per run simulated so far, in ms: the time from handing a run out to
   * having its outputs here, less the run's own time on its worker (messages, inputs fetched,
   * preparation on the worker, outputs hashed and fetched).
   */
  public double overheadPerRunMillis() {
    long n = simulated.sum();
    return n == 0 ? 0 : overheadNanos.sum() / 1e6 / n;
  }

  /**
   * The worker cores' time per run simulated so far not spent in runs, in ms: workers x the time
   * from the coordinator's start to the last run stored, less the runs' own time, over the runs
   * (cores waiting for the coordinator to be seen or for work, preparing runs, hashing outputs):
   * what the cluster costs a sweep's throughput per run.
   */
  public double coreTimePerRunMillis() {
    long n = simulated.sum();
    return n == 0 ? 0 : (workers.size() * (double) spanNanos.sum() - runNanos.sum()) / 1e6 / n;
  }

  private Coordinator.Progress progress(List<RunRequest> requests) {
    return new Coordinator.Progress() {
      @Override
      public void stored(
          int index, int stored, int total, String worker, long nanos, long runNanos) {
        if (runNanos > 0) {
          overheadNanos.add(nanos - runNanos);
          ClusterSweep.this.runNanos.add(runNanos);
          simulated.increment();
          workers.add(worker);
        }
        log.accept(
            command
                + ": run "
                + stored
                + " of "
                + total
                + " done: "
                + Path.of(requests.get(index).out()).getFileName()
                + " on "
                + worker);
      }

      @Override
      public void lost(String worker, int lost) {
        log.accept(
            command
                + ": the worker at "
                + worker
                + " left the cluster; its "
                + lost
                + " unfinished runs are queued again");
      }
    };
  }

  @Override
  public List<RunOutcome> run(List<RunSpec> specs, List<RunRequest> requests) throws IOException {
    if (requests.isEmpty()) {
      return List.of();
    }
    Blobs blobs = new Blobs();
    Path flat =
        PartialFiles.createDirectory(
            Path.of(requests.get(0).out()).toAbsolutePath().getParent(), "scenarios");
    ExecutorService collectors = Executors.newFixedThreadPool(2, r -> daemon(r));
    int n = SWEEPS.incrementAndGet();
    try {
      List<Ticket> tickets = new ArrayList<>();
      for (RunRequest r : requests) {
        tickets.add(ticket(r, blobs, flat));
      }
      AtomicBoolean member = new AtomicBoolean();
      CompletableFuture<List<RunOutcome>> done = new CompletableFuture<>();
      try {
        ActorRef<ToBlobs> server =
            system.systemActorOf(blobs.server(), "sweep-inputs-" + n, Props.empty());
        org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
            .registerOnMemberUp(() -> member.set(true));
        system
            .getWhenTerminated()
            .thenRun(() -> done.completeExceptionally(new IllegalStateException(stopped(member))));
        system.systemActorOf(
            Coordinator.create(
                tickets,
                server,
                (i, d) -> collect(requests.get(i), d),
                progress(requests),
                collectors,
                done),
            "sweep-coordinator-" + n,
            Props.empty());
      } catch (IllegalStateException e) {
        // The system stopped (refused by the cluster) before the sweep's actors were made, or is
        // stopping: wait for its end, then say why.
        try {
          system
              .getWhenTerminated()
              .toCompletableFuture()
              .get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException notStopping) {
          throw e;
        }
        throw new IllegalStateException(stopped(member), e);
      }
      long t0 = System.nanoTime();
      List<RunOutcome> outcomes = done.get();
      spanNanos.add(System.nanoTime() - t0);
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while runs were going on the cluster", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      collectors.shutdownNow();
      deleteFlat(flat);
    }
  }

  /** Why the sweep's actor system stopped before the runs ended. */
  private String stopped(AtomicBoolean member) {
    return command
        + " --cluster: "
        + (member.get()
            ? "this coordinator was removed from the cluster (cut off from most of its nodes)"
                + " before the runs ended"
            : JoinSecretCheck.whyNotJoined(system, cluster));
  }

  private Ticket ticket(RunRequest r, Blobs blobs, Path flat) throws IOException {
    blobs.add(r.traceSha256(), Path.of(r.trace()));
    String scenarioBlob = blobs.add(flatten(Path.of(r.scenario()), flat));
    if (!r.calibration().isEmpty()) {
      blobs.add(r.calibrationSha256(), Path.of(r.calibration()));
    }
    return new Ticket(
        r.runId(),
        r.trace(),
        r.traceSha256(),
        Path.of(r.scenario()).getFileName().toString(),
        scenarioBlob,
        r.scenarioSha256(),
        r.overrides().toArray(String[]::new),
        r.calibration(),
        r.calibrationSha256(),
        journal);
  }

  /** The scenario with its includes inlined, as one file of the same name in {@code dir}. */
  static Path flatten(Path scenario, Path dir) throws IOException {
    Path f = scenario.getParent() == null ? Path.of(".").resolve(scenario) : scenario;
    String text =
        ConfigFactory.parseFile(f.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
            .root()
            .render(ConfigRenderOptions.concise().setFormatted(true));
    Path sub = dir.resolve(Sha256.ofText(text));
    Files.createDirectories(sub);
    Path out = sub.resolve(scenario.getFileName());
    Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
    return out;
  }

  /** Fetches run {@code r}'s outputs from its worker into its folder; returns its outcome. */
  private RunOutcome collect(RunRequest r, Done d) {
    if (!d.failure().isEmpty()) {
      return new RunOutcome.Failed(r.runId(), d.failure(), new IllegalStateException(d.failure()));
    }
    try {
      Path dir = Path.of(r.out());
      for (int i = 0; i < d.files().length; i++) {
        Blobs.fetch(system, d.outputs(), d.hashes()[i], dir.resolve(d.files()[i]));
      }
      return new RunOutcome.Completed(r.out(), d.events(), d.submissions(), 0, d.summary());
    } catch (IOException e) {
      return new RunOutcome.Failed(r.runId(), e.getMessage(), e);
    }
  }

  private static void deleteFlat(Path flat) {
    try (var all = Files.walk(flat)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
      PartialFiles.release(flat);
    } catch (IOException e) {
      // a leftover temporary folder, swept by the next command writing there
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "gradesim-cluster-collect");
    t.setDaemon(true);
    return t;
  }
}
