package io.gradesim.app.cluster;

import io.gradesim.app.system.GradesimSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine.Option;

/**
 * The options of a command whose runs may go to a cluster instead of this process ({@code compare},
 * {@code plan}), as a picocli mixin: where to join, with which secret, and where the worker nodes
 * reach this process.
 */
public final class ClusterOptions {
  @Option(
      names = "--cluster",
      paramLabel = "HOST:PORT",
      description =
          "Run the runs on the cluster of the node at HOST:PORT (gradesim cluster node) instead"
              + " of here: worker nodes pull the runs; outputs are the same bytes as a local run.")
  String cluster;

  @Option(
      names = "--cluster-secret-file",
      paramLabel = "FILE",
      description =
          "With --cluster: the cluster's shared secret (default: the environment variable"
              + " GRADESIM_CLUSTER_SECRET).")
  Path secretFile;

  @Option(
      names = "--cluster-bind",
      paramLabel = "ADDR",
      defaultValue = ClusterSettings.LOOPBACK,
      description =
          "With --cluster: the address the worker nodes reach this process at, to fetch the"
              + " inputs and send the results (default: ${DEFAULT-VALUE}: nodes of this machine"
              + " only).")
  String bind;

  /** Whether --cluster was given. */
  public boolean given() {
    return cluster != null;
  }

  /** Sets {@code actors} up to join the cluster with its secret; before the system starts. */
  public void join(GradesimSystem actors) throws IOException {
    ClusterSecret secret = ClusterSecret.read(secretFile, "--cluster-secret-file");
    actors.configure(new ClusterSettings(bind, 0, List.of(cluster)).config(secret));
  }

  /**
   * The runs' runner on the cluster {@code system} joined, journaling into {@code journal} ("none"
   * for none), one line per run stored and per worker lost to {@code err}, each starting with
   * {@code command}.
   */
  public ClusterSweep sweep(
      ActorSystem<?> system, String journal, PrintWriter err, String command) {
    return new ClusterSweep(
        system,
        journal,
        List.of(cluster),
        line -> {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        },
        command);
  }
}
