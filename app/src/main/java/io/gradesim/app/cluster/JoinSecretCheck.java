package io.gradesim.app.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.ConfigValidation;
import org.apache.pekko.cluster.Invalid;
import org.apache.pekko.cluster.JoinConfigCompatChecker;
import org.apache.pekko.cluster.Valid$;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Mutual authentication of a join with the cluster's {@link ClusterSecret}, in Pekko's join
 * handshake (a {@code JoinConfigCompatChecker}, Pekko Cluster documentation, "Configuration
 * compatibility check"): a joining node's {@code InitJoin} carries its random nonce, its address
 * and the HMAC of both under the secret; the node it asks checks that proof and, only if it holds,
 * answers with its own nonce, address and proof, which the joining node checks in turn. A node that
 * fails either check is refused (Pekko shuts it down), and says so ({@link #whyNotJoined}).
 */
public final class JoinSecretCheck extends JoinConfigCompatChecker {
  static final String NONCE = "gradesim.cluster.join.nonce";
  static final String ADDRESS = "gradesim.cluster.join.address";
  static final String PROOF = "gradesim.cluster.join.proof";

  /** The secret of each node of this JVM, by the node's nonce (never in its configuration). */
  private static final Map<String, ClusterSecret> SECRETS = new ConcurrentHashMap<>();

  /** Why a node of this JVM refused the node it asked to join, by the asking node's nonce. */
  private static final Map<String, String> REFUSED = new ConcurrentHashMap<>();

  /** Pekko makes one per actor system, by reflection. */
  public JoinSecretCheck() {}

  /** The settings of a node at {@code address} that proves it knows {@code secret}. */
  static Config settings(ClusterSecret secret, String address) {
    String nonce = ClusterSecret.nonce();
    SECRETS.put(nonce, secret);
    return ConfigFactory.parseMap(
        Map.of(NONCE, nonce, ADDRESS, address, PROOF, secret.proof(nonce, address)));
  }

  @Override
  public scala.collection.immutable.Seq<String> requiredKeys() {
    return CollectionConverters.asScala(List.of(NONCE, ADDRESS, PROOF)).toList();
  }

  @Override
  public ConfigValidation check(Config toCheck, Config actual) {
    String own = actual.hasPath(NONCE) ? actual.getString(NONCE) : "";
    ClusterSecret secret = SECRETS.get(own);
    if (secret == null) {
      return invalid("this node has no cluster secret");
    }
    if (!toCheck.hasPath(NONCE) || !toCheck.hasPath(ADDRESS) || !toCheck.hasPath(PROOF)) {
      return refuse(own, "the other node sent no proof of the cluster secret");
    }
    String nonce = toCheck.getString(NONCE);
    // A proof of our own nonce is ours sent back: it proves nothing about the other node.
    if (nonce.equals(own)
        || !secret.proves(toCheck.getString(PROOF), nonce, toCheck.getString(ADDRESS))) {
      return refuse(own, "wrong secret (" + toCheck.getString(ADDRESS) + ")");
    }
    return Valid$.MODULE$;
  }

  private static ConfigValidation refuse(String own, String why) {
    REFUSED.put(own, why);
    return invalid(why);
  }

  private static ConfigValidation invalid(String why) {
    return new Invalid(CollectionConverters.asScala(List.of(why)).toList());
  }

  /**
   * Why the node of {@code system} (stopped before it became a member) did not join the cluster at
   * {@code join}: refused for a wrong secret, the cluster's own proof wrong, or no answer.
   */
  public static String whyNotJoined(ActorSystem<?> system, List<String> join) {
    String at = String.join(", ", join);
    String own = system.settings().config().getString(NONCE);
    String mine = REFUSED.get(own);
    if (mine != null) {
      return "the node at "
          + at
          + " did not prove that it knows this cluster's secret: "
          + mine
          + "; every node needs the same secret";
    }
    Optional<CoordinatedShutdown.Reason> reason =
        CoordinatedShutdown.get(Adapter.toClassic(system)).getShutdownReason();
    if (reason.isPresent()
        && reason.get().equals(CoordinatedShutdown.incompatibleConfigurationDetectedReason())) {
      return "the cluster refused this node: wrong secret (the node at "
          + at
          + " holds another one; every node needs the same --secret-file or "
          + ClusterSecret.ENV
          + ")";
    }
    return "no node of the cluster at "
        + at
        + " answered (check the address, the port, that the node runs and that it listens on an"
        + " address this machine reaches: cluster node --bind)";
  }
}
