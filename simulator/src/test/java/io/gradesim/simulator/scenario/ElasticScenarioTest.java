package io.gradesim.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.simulator.autoscale.AutoscalePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The autoscale and warm-pool sections: typed values, defaults and errors naming the key. */
class ElasticScenarioTest {
  static ScenarioSettings parse(String hocon) {
    return ScenarioLoader.parse(hocon, "s.conf", List.of());
  }

  @Test
  void autoscaleReadsDurationsInMicrosAndDefaultsTheBoundsToAgents() {
    ScenarioSettings s = parse("agents = 2\nautoscale { policy = recent-wait, target = 10s }");
    assertThat(s.autoscale().policy()).isEqualTo(AutoscalePolicy.RECENT_WAIT);
    assertThat(s.autoscale().target()).isEqualTo(10_000_000.0);
    assertThat(s.autoscale().minAgents()).isEqualTo(2);
    assertThat(s.autoscale().maxAgents()).isEqualTo(2);
    assertThat(s.autoscale().provisioningMicros()).isEqualTo(60_000_000L);
    assertThat(parse("agents = 2").autoscale().enabled()).isFalse();
    assertThat(
            parse(
                    "agents = 2\nautoscale { policy = queue-length, target = 1,"
                        + " max-agents = 9 }")
                .maxAgents())
        .isEqualTo(9);
  }

  @Test
  void badAutoscaleValuesNameTheKey() {
    assertThatThrownBy(() -> parse("autoscale.policy = queue-length"))
        .hasMessageContaining("autoscale.target: required with policy queue-length");
    assertThatThrownBy(() -> parse("autoscale { policy = queue-length, target = 2s }"))
        .hasMessageContaining("autoscale.target: expected a number");
    assertThatThrownBy(
            () ->
                parse(
                    "agents = 3\nautoscale { policy = queue-length, target = 1,"
                        + " max-agents = 2 }"))
        .hasMessageContaining("min-agents <= agents <= max-agents");
    assertThatThrownBy(() -> parse("autoscale.policy = sometimes"))
        .hasMessageContaining("s.conf:1: autoscale.policy: expected none, queue-length");
  }

  @Test
  void warmPoolEnvironmentsMustBeExactAndServed() {
    ScenarioSettings s = parse("warm-pool { size-per-agent = 2, environments = [docker/cpp] }");
    assertThat(s.warmPool().enabled()).isTrue();
    assertThat(s.warmPool().preStarted()).isTrue();
    assertThatThrownBy(
            () ->
                parse(
                    "environments = [\"docker/*\"]\n"
                        + "warm-pool { size-per-agent = 1, environments = [mcq/mcq] }"))
        .hasMessageContaining("warm-pool.environments: 'mcq/mcq' is not served");
    assertThatThrownBy(() -> parse("warm-pool { size-per-agent = 1, environments = [\"*\"] }"))
        .hasMessageContaining("expected exact environments");
    assertThatThrownBy(() -> parse("warm-pool.refill = sometimes"))
        .hasMessageContaining("warm-pool.refill: expected background or none");
  }
}
