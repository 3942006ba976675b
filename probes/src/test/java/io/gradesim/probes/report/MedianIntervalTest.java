package io.gradesim.probes.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedianIntervalTest {

  @Test
  void givesNoIntervalBelowSixSamplesAt95Percent() {
    // [min, max] of 5 samples covers the median with probability 1 - 2/32 = 0.9375 < 0.95.
    assertThat(MedianInterval.lowerRank(5, 0.95)).isZero();
    assertThat(MedianInterval.lowerRank(6, 0.95)).isEqualTo(1);
  }

  @Test
  void matchesBinomialTablesForTwentyAndOneHundredSamples() {
    // Conover's table: n=20 gives ranks 6 and 15; n=100 gives 40 and 61.
    assertThat(MedianInterval.lowerRank(20, 0.95)).isEqualTo(6);
    assertThat(MedianInterval.lowerRank(100, 0.95)).isEqualTo(40);
  }

  @Test
  void agreesWithTheExactBinomialTailUpToFiveHundredSamples() {
    for (int n = 1; n <= 500; n++) {
      // Largest k with 2^n * P(X <= k - 1) <= 0.025 * 2^n, in exact integers.
      java.math.BigInteger twoToN = java.math.BigInteger.ONE.shiftLeft(n);
      java.math.BigInteger sum = java.math.BigInteger.ZERO;
      java.math.BigInteger choose = java.math.BigInteger.ONE;
      int expected = 0;
      for (int i = 0; i < n / 2; i++) {
        sum = sum.add(choose);
        // sum / 2^n <= 1/40  <=>  40 sum <= 2^n
        if (sum.multiply(java.math.BigInteger.valueOf(40)).compareTo(twoToN) > 0) {
          break;
        }
        expected = i + 1;
        choose =
            choose
                .multiply(java.math.BigInteger.valueOf(n - i))
                .divide(java.math.BigInteger.valueOf(i + 1));
      }
      assertThat(MedianInterval.lowerRank(n, 0.95)).as("n = %d", n).isEqualTo(expected);
    }
  }

  @Test
  void coversTheTrueMedianAboutNinetyFivePercentOfTheTime() {
    java.util.Random random = new java.util.Random(42);
    int covered = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      long[] s = new long[30];
      for (int i = 0; i < s.length; i++) {
        // exponential with median 1000 * ln 2
        s[i] = (long) (-1000 * Math.log(1 - random.nextDouble()));
      }
      java.util.Arrays.sort(s);
      long[] ci = MedianInterval.of(s, 0.95);
      double median = 1000 * Math.log(2);
      if (ci[0] <= median && median <= ci[1]) {
        covered++;
      }
    }
    // Exact coverage for n=30 is 0.9572; 2000 trials put 99.9 % of outcomes within +-0.015.
    assertThat(covered / (double) trials).isBetween(0.94, 0.975);
  }

  @Test
  void summarisesNearestRankPercentiles() {
    long[] d = new long[100];
    for (int i = 0; i < d.length; i++) {
      d[i] = 100 - i;
    }
    StageSummary s = StageSummary.of("runc", "create", "true", 1, d, 3);
    assertThat(s.n()).isEqualTo(100);
    assertThat(s.failed()).isEqualTo(3);
    assertThat(s.medianNs()).isEqualTo(50);
    assertThat(s.p90Ns()).isEqualTo(90);
    assertThat(s.p99Ns()).isEqualTo(99);
    assertThat(s.ciLowNs()).isEqualTo(40);
    assertThat(s.ciHighNs()).isEqualTo(61);
  }
}
