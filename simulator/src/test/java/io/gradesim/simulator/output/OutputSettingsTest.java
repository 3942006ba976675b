package io.gradesim.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputSettingsTest {

  @Test
  void readsNestedOrDottedKeysAndDefaultsTheRest() {
    OutputSettings nested =
        OutputSettings.fromScenario(
            "a.conf", "{\"output\":{\"bucket-s\":0.5},\"cost\":{\"agent-hour\":\"1.25\"}}");
    OutputSettings dotted = OutputSettings.fromScenario("b.conf", "{\"cost.core-hour\":0.04}");

    assertThat(nested.bucketMicros()).isEqualTo(500_000);
    assertThat(nested.agentHourPrice()).isEqualTo(1.25);
    assertThat(nested.coreHourPrice()).isZero();
    assertThat(dotted.coreHourPrice()).isEqualTo(0.04);
    assertThat(dotted.bucketMicros()).isEqualTo(60_000_000);
    assertThat(dotted.gradingSources().isEmpty()).isTrue();
  }

  @Test
  void namesTheScenarioAndKeyOfABadValue() {
    assertThatThrownBy(
            () -> OutputSettings.fromScenario("exam.conf", "{\"output\":{\"bucket-s\":0}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exam.conf")
        .hasMessageContaining("output.bucket-s");
    assertThatThrownBy(
            () -> OutputSettings.fromScenario("exam.conf", "{\"cost\":{\"core-hour\":\"cheap\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cost.core-hour");
  }
}
