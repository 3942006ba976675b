package io.gradesim.app.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationFormatTest {
  @Test
  void showsAnUndefinedErrorAsADash() {
    // A metric measured as zero (no live wait at p50) has no relative error.
    assertThat(
            ValidationFiles.pct(new MetricScore("wait_p50_s", 0, 0, 0.3, 0, 0, 0).relativeError()))
        .isEqualTo("-");
    assertThat(ValidationFiles.fmt(Double.NaN)).isEqualTo("-");
  }

  @Test
  void showsARelativeErrorInSignedPercent() {
    assertThat(ValidationFiles.pct(-0.066)).isEqualTo("-6.6 %");
    assertThat(ValidationFiles.pct(0.1)).isEqualTo("+10.0 %");
    assertThat(ValidationFiles.fmt(2.5846)).isEqualTo("2.585");
  }
}
