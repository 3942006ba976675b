package io.gradesim.calibration.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampleStatsTest {

  @Test
  void percentilesInterpolateBetweenOrderStatistics() {
    double[] x = new double[101];
    for (int i = 0; i <= 100; i++) {
      x[100 - i] = i;
    }
    SampleStats s = SampleStats.of(x);
    assertThat(s.n()).isEqualTo(101);
    assertThat(s.p50()).isEqualTo(50.0);
    assertThat(s.p90()).isEqualTo(90.0);
    assertThat(s.p99()).isEqualTo(99.0);
    assertThat(s.mean()).isEqualTo(50.0);
    assertThat(s.stddev()).isCloseTo(29.300, within(1e-3));
  }

  @Test
  void medianIntervalUsesBinomialOrderStatistics() {
    // n = 20: P(B(20, 1/2) <= 5) = 0.0207 <= 0.025 < P(B <= 6), so ranks 6 and 15.
    double[] x = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = i + 1;
    }
    SampleStats s = SampleStats.of(x);
    assertThat(s.medianCiLow()).isEqualTo(6.0);
    assertThat(s.medianCiHigh()).isEqualTo(15.0);
    assertThat(SampleStats.of(new double[] {1, 2, 3, 4, 5}).medianCiLow()).isNaN();
  }

  @Test
  void medianIntervalCoversTheTrueMedianAboutNinetyFivePercentOfTheTime() {
    SplittableRandom rng = new SplittableRandom(1);
    int covered = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      double[] x = new double[30];
      for (int i = 0; i < x.length; i++) {
        x[i] = -Math.log(1 - rng.nextDouble()); // exponential, median ln 2
      }
      SampleStats s = SampleStats.of(x);
      if (s.medianCiLow() <= Math.log(2) && Math.log(2) <= s.medianCiHigh()) {
        covered++;
      }
    }
    // Exact coverage for n = 30 is 0.9572; 99 % binomial band for 2000 trials is +-0.012.
    assertThat(covered / (double) trials).isBetween(0.945, 0.970);
  }
}
