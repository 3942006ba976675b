package io.gradesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTest {

  @Test
  void isTheStudentIntervalOfTheMean() {
    // mean 20, sample sd 2 (values 18, 20, 22), se 2/sqrt(3); t(0.975, 2) = 4.303, t(0.95, 2) =
    // 2.920
    Interval i = Interval.of(new double[] {18, 20, 22}, 0.95);
    assertThat(i.mean()).isEqualTo(20);
    assertThat(i.upper()).isCloseTo(20 + 4.3027 * 2 / Math.sqrt(3), within(1e-3));
    assertThat(i.upperOneSided()).isCloseTo(20 + 2.9200 * 2 / Math.sqrt(3), within(1e-3));
    assertThat(i.lowerOneSided()).isCloseTo(20 - 2.9200 * 2 / Math.sqrt(3), within(1e-3));
  }

  @Test
  void meetsOnlyWhenTheOneSidedUpperBoundIsWithinTheLimit() {
    Interval i = Interval.of(new double[] {18, 20, 22}, 0.95);
    assertThat(i.against(24)).isEqualTo(Interval.Standing.MEETS);
    assertThat(i.against(21)).isEqualTo(Interval.Standing.BORDERLINE);
    assertThat(i.against(19)).isEqualTo(Interval.Standing.BORDERLINE);
    assertThat(i.against(16)).isEqualTo(Interval.Standing.MISSES);
    assertThat(Interval.of(new double[] {5}, 0.95).against(5)).isEqualTo(Interval.Standing.MEETS);
  }
}
