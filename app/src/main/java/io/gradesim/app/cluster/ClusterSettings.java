package io.gradesim.app.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A node's cluster settings over {@code gradesim-cluster.conf}: where it listens (loopback unless
 * {@code --bind}), which nodes it joins (none: the first node of a cluster, which joins itself).
 *
 * @param bind the address to listen on and to be reached at
 * @param port the port (0: any free one, for a coordinator)
 * @param join {@code HOST:PORT} of nodes already in the cluster
 */
public record ClusterSettings(String bind, int port, List<String> join) {
  /** Loopback, as nodes listen unless told otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Copies the list; checks the addresses. */
  public ClusterSettings {
    join = List.copyOf(join);
    for (String j : join) {
      address(j);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port: " + port + " is not a port (0-65535)");
    }
  }

  /** {@code HOST:PORT} checked and as Pekko's node address. */
  static String address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || !hostPort.substring(colon + 1).matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException(
          "'" + hostPort + "': expected HOST:PORT of a cluster node, e.g. 127.0.0.1:2551");
    }
    return "pekko://gradesim@" + hostPort;
  }

  /** True for the first node of a cluster, which joins itself (no {@code --join}). */
  public boolean first() {
    return join.isEmpty();
  }

  /**
   * The actor system's settings for this node, which proves it knows {@code secret} when it joins
   * ({@link JoinSecretCheck}). The first node has no seed nodes: it joins itself once started
   * ({@link #joinSelf}), whatever port it was given.
   */
  public Config config(ClusterSecret secret) {
    List<String> seeds = new ArrayList<>();
    for (String j : join) {
      seeds.add(address(j));
    }
    return ConfigFactory.empty()
        .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(bind))
        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
        .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds))
        .withFallback(JoinSecretCheck.settings(secret, bind + ":" + port))
        .withFallback(ConfigFactory.parseResources("gradesim-cluster.conf"));
  }

  /** Makes the node of {@code system} the first member of a new cluster. */
  public static void joinSelf(ActorSystem<?> system) {
    Cluster c = Cluster.get(system);
    c.manager().tell(Join.create(c.selfMember().address()));
  }

  /** The port the node of {@code system} listens on (the one chosen when given 0). */
  public static int boundPort(ActorSystem<?> system) {
    return org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system))
        .selfAddress()
        .getPort()
        .orElseThrow();
  }
}
