package io.gradesim.app.cluster;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.journal.JournalTarget;
import io.gradesim.journal.RunJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradesim cluster node}: a worker node; it runs until stopped (Ctrl-C, SIGTERM). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a worker node of a gradesim cluster (Pekko Artery TCP) that runs sweeps' runs, "
          + "--cores at a time, pulling one whenever a core is free. Inputs are fetched from the "
          + "sweep's coordinator by SHA-256 and cached under the data folder "
          + "(GRADESIM_HOME/cluster/<port>/cache). The first node is started without --join; "
          + "the others, and compare --cluster, join it. Every node and sweep of one cluster "
          + "needs the same secret (--secret-file or GRADESIM_CLUSTER_SECRET): a node with "
          + "another one is refused and exits with code 2.",
      "Prints 'cluster node up at HOST:PORT' once it is a member, then one line per run."
    })
public final class NodeCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      required = true,
      paramLabel = "P",
      description = "port to listen on (0: any free one, printed once up)")
  int port;

  @Option(
      names = "--join",
      paramLabel = "HOST:PORT",
      description = "a node of the cluster to join, repeatable (none: start a new cluster)")
  List<String> join = new ArrayList<>();

  @Option(
      names = "--cores",
      paramLabel = "N",
      description = "runs at once (default: the number of processors)")
  Integer cores;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = ClusterSettings.LOOPBACK,
      description =
          "address to listen on and be reached at (default: ${DEFAULT-VALUE}, loopback: "
              + "only this machine can reach the node)")
  String bind;

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      description =
          "the cluster's shared secret (at least 16 characters; default: the environment variable"
              + " GRADESIM_CLUSTER_SECRET); 'gradesim cluster secret -o FILE' makes one")
  Path secretFile;

  @Option(
      names = "--journal",
      paramLabel = "none|URL",
      defaultValue = "none",
      description =
          "the PostgreSQL journal (jdbc:postgresql://host/db?user=..&password=..) that sweeps run"
              + " with compare --journal record into; this node records its runs of such a sweep"
              + " there (default: ${DEFAULT-VALUE}: it takes sweeps without journal only)")
  String journal;

  @Option(
      names = "--stop-on-eof",
      description = "stop when standard input ends (for a program that starts nodes)")
  boolean stopOnEof;

  @Override
  public Integer call() throws Exception {
    int n = cores != null ? cores : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new IllegalArgumentException("--cores: must be at least 1");
    }
    ClusterSecret secret = ClusterSecret.read(secretFile, "--secret-file");
    JournalTarget target = JournalTarget.parse(journal, JournalTarget.defaultHome());
    if (target.enabled() && !target.postgres()) {
      throw new IllegalArgumentException(
          "--journal "
              + journal
              + ": a cluster's journal is the PostgreSQL server every node reaches"
              + " (jdbc:postgresql://host/db?user=..&password=..), or none");
    }
    ClusterSettings settings = new ClusterSettings(bind, port, join);
    GradesimSystem actors = GradesimSystem.of(spec);
    actors.configure(settings.config(secret));
    ActorSystem<Void> system = actors.system(target);
    try (RunJournal runs = target.enabled() ? RunJournal.open(target, system) : null) {
      serve(system, settings, n, runs);
    }
    return 0;
  }

  private void serve(ActorSystem<Void> system, ClusterSettings settings, int n, RunJournal runs)
      throws IOException {
    int bound = ClusterSettings.boundPort(system);
    Path home = JournalTarget.defaultHome().resolve("cluster").resolve(String.valueOf(bound));
    Files.createDirectories(home);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "gradesim-cluster-run-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    PrintWriter out = spec.commandLine().getOut();
    CompletableFuture<Boolean> up = new CompletableFuture<>();
    try {
      Blobs blobs = new Blobs();
      ActorRef<ClusterProtocol.ToBlobs> server =
          system.systemActorOf(blobs.server(), "worker-outputs", Props.empty());
      WorkerRuns work = new WorkerRuns(system, home, blobs, server, runs, out);
      org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
          .registerOnMemberUp(
              () -> {
                system.systemActorOf(WorkerNode.create(n, work, pool), "worker", Props.empty());
                up.complete(true);
                synchronized (out) {
                  out.printf(
                      "cluster node up at %s:%d, %d cores, journal %s%n",
                      settings.bind(), bound, n, runs == null ? "none" : runs.target().label());
                  out.flush();
                }
              });
      if (settings.first()) {
        ClusterSettings.joinSelf(system);
      }
    } catch (IllegalStateException e) {
      // Refused (or shut down) while starting: no actor can be made any more; said below.
      if (!system.getWhenTerminated().toCompletableFuture().isDone()) {
        throw e;
      }
    }
    if (stopOnEof) {
      Thread eof = new Thread(() -> stopAtEndOfInput(system), "gradesim-cluster-stdin");
      eof.setDaemon(true);
      eof.start();
    }
    system.getWhenTerminated().toCompletableFuture().join();
    pool.shutdownNow();
    if (!up.isDone()) {
      throw new IllegalArgumentException(
          "cluster node "
              + settings.bind()
              + ":"
              + bound
              + ": "
              + JoinSecretCheck.whyNotJoined(system, settings.join()));
    }
  }

  private static void stopAtEndOfInput(ActorSystem<Void> system) {
    try {
      while (System.in.read() >= 0) {
        // any input is ignored: only its end counts
      }
    } catch (IOException e) {
      // standard input is gone: so is the program that started this node
    }
    system.terminate();
  }
}
