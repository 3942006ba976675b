package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import org.apache.pekko.cluster.Invalid;
import org.apache.pekko.cluster.Valid$;
import org.junit.jupiter.api.Test;

/** The join's proofs: the same secret passes both ways, another or an echoed proof does not. */
class JoinSecretCheckTest {
  private final ClusterSecret secret = ClusterSecret.of("a-secret-of-this-cluster", "test");
  private final JoinSecretCheck check = new JoinSecretCheck();

  @Test
  void theSameSecretPassesBothWays() {
    Config seed = JoinSecretCheck.settings(secret, "127.0.0.1:2551");
    Config joining = JoinSecretCheck.settings(secret, "127.0.0.1:2552");
    assertThat(check.check(joining, seed)).isEqualTo(Valid$.MODULE$);
    assertThat(check.check(seed, joining)).isEqualTo(Valid$.MODULE$);
  }

  @Test
  void anotherSecretIsRefused() {
    Config seed = JoinSecretCheck.settings(secret, "127.0.0.1:2551");
    Config intruder =
        JoinSecretCheck.settings(ClusterSecret.of("another-secret-entirely", "test"), "10.0.0.9:1");
    assertThat(check.check(intruder, seed)).isInstanceOf(Invalid.class);
    assertThat(check.check(seed, intruder)).isInstanceOf(Invalid.class);
  }

  @Test
  void aProofForAnotherAddressOrOurOwnEchoedBackIsRefused() {
    Config seed = JoinSecretCheck.settings(secret, "127.0.0.1:2551");
    Config joining = JoinSecretCheck.settings(secret, "127.0.0.1:2552");
    Config moved =
        joining.withValue(
            JoinSecretCheck.ADDRESS,
            com.typesafe.config.ConfigValueFactory.fromAnyRef("10.0.0.9:2552"));
    assertThat(check.check(moved, seed)).isInstanceOf(Invalid.class);
    assertThat(check.check(seed, seed)).isInstanceOf(Invalid.class);
  }
}
