package io.gradesim.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DurationStatsTest {

  @Test
  void givesNearestRankPercentilesWithinAThousandth() {
    DurationStats stats = new DurationStats();
    for (int s = 1; s <= 1000; s++) {
      stats.record(s * 1_000_000L);
    }

    assertThat(stats.percentileSeconds(50)).isCloseTo(500, within(0.5));
    assertThat(stats.percentileSeconds(95)).isCloseTo(950, within(0.95));
    assertThat(stats.percentileSeconds(99)).isCloseTo(990, within(0.99));
    assertThat(stats.meanSeconds()).isEqualTo(500.5);
    assertThat(stats.maxSeconds()).isEqualTo(1000);
  }

  @Test
  void neverReportsAPercentileAboveTheExactMaximum() {
    DurationStats stats = new DurationStats();
    stats.record(123_456_789L);

    assertThat(stats.percentileSeconds(99)).isEqualTo(123.456789);
    assertThat(stats.percentileSeconds(50))
        .isLessThanOrEqualTo(123.456789)
        .isGreaterThan(123.456789 * 0.999);
  }

  @Test
  void isNotANumberWhenEmpty() {
    DurationStats stats = new DurationStats();
    assertThat(stats.meanSeconds()).isNaN();
    assertThat(stats.percentileSeconds(50)).isNaN();
  }
}
