package io.gradesim.app.cluster;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.journal.JournalTarget;
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
import org.apache.pekko.cluster.typed.Cluster;
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
          + "the others, and compare --cluster, join it.",
      "Prints 'cluster node up at HOST:PORT' once it is a member."
    })
public final class NodeCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", required = true, paramLabel = "P", description = "port to listen on")
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

  @Override
  public Integer call() throws Exception {
    int n = cores != null ? cores : Runtime.getRuntime().availableProcessors();
    if (n < 1) {
      throw new IllegalArgumentException("--cores: must be at least 1");
    }
    ClusterSettings settings = new ClusterSettings(bind, port, join);
    GradesimSystem actors = GradesimSystem.of(spec);
    actors.configure(settings.config());
    ActorSystem<Void> system = actors.system(JournalTarget.NONE);
    Path home = JournalTarget.defaultHome().resolve("cluster").resolve(String.valueOf(port));
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
    Blobs blobs = new Blobs();
    ActorRef<ClusterProtocol.ToBlobs> server =
        system.systemActorOf(blobs.server(), "worker-outputs", Props.empty());
    WorkerRuns runs = new WorkerRuns(system, home, blobs, server);
    CompletableFuture<Boolean> up = new CompletableFuture<>();
    Cluster cluster = Cluster.get(system);
    org.apache.pekko.cluster.Cluster.get(
            org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system))
        .registerOnMemberUp(
            () -> {
              system.systemActorOf(WorkerNode.create(n, runs, pool), "worker", Props.empty());
              up.complete(true);
              spec.commandLine()
                  .getOut()
                  .printf(
                      "cluster node up at %s:%d, %d cores%n",
                      bind, cluster.selfMember().address().getPort().get(), n);
              spec.commandLine().getOut().flush();
            });
    system.getWhenTerminated().toCompletableFuture().join();
    pool.shutdownNow();
    if (!up.isDone()) {
      throw new IllegalArgumentException(
          "cluster node "
              + bind
              + ":"
              + port
              + ": the cluster at "
              + String.join(", ", join)
              + " refused this node or did not answer (check the address, the port and that"
              + " every node uses the same cluster key)");
    }
    return 0;
  }
}
