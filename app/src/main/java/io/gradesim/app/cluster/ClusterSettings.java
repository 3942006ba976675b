package io.gradesim.app.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's cluster settings over {@code gradesim-cluster.conf}: where it listens (loopback unless
 * {@code --bind}), which nodes it joins (itself when none: the first node of a cluster).
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

  /** The actor system's settings for this node. */
  public Config config() {
    List<String> seeds = new ArrayList<>();
    for (String j : join) {
      seeds.add(address(j));
    }
    if (seeds.isEmpty()) {
      seeds.add(address(bind + ":" + port));
    }
    return ConfigFactory.empty()
        .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(bind))
        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
        .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds))
        .withFallback(ConfigFactory.parseResources("gradesim-cluster.conf"));
  }
}
