package io.gradesim.calibration.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class KsSelectionTest {

  private static final int N = 2000;

  static double[] lognormal(double mu, double sigma, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = Math.exp(mu + sigma * gaussian(rng));
    }
    return x;
  }

  static double[] gamma(double shape, double scale, long seed) {
    return new GammaDistribution(new Well19937c(seed), shape, scale).sample(N);
  }

  private static double gaussian(SplittableRandom rng) {
    // Box-Muller from two uniforms: reproducible for a seed on every JDK.
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  @Test
  void lognormalFitRecoversParametersWithinTheirConfidenceIntervals() {
    double mu = Math.log(20_000);
    double sigma = 0.6;
    StageDistribution.Lognormal fit = StageDistribution.Lognormal.fit(lognormal(mu, sigma, 42));
    // 99 % intervals: SE(mu) = sigma / sqrt(n), SE(sigma) ~ sigma / sqrt(2n).
    assertThat(fit.mu())
        .isCloseTo(mu, org.assertj.core.data.Offset.offset(2.58 * sigma / Math.sqrt(N)));
    assertThat(fit.sigma())
        .isCloseTo(sigma, org.assertj.core.data.Offset.offset(2.58 * sigma / Math.sqrt(2.0 * N)));
  }

  @Test
  void gammaFitRecoversParametersWithinTheirConfidenceIntervals() {
    double shape = 3.0;
    double scale = 5_000;
    StageDistribution.Gamma fit = StageDistribution.Gamma.fit(gamma(shape, scale, 7));
    // Asymptotic variance of the shape MLE: k / (n (k psi'(k) - 1)); the mean k*theta has SE
    // k^0.5 theta / sqrt(n).
    double seShape =
        Math.sqrt(
            shape / (N * (shape * org.apache.commons.math3.special.Gamma.trigamma(shape) - 1)));
    assertThat(fit.shape()).isCloseTo(shape, org.assertj.core.data.Offset.offset(2.58 * seShape));
    double seMean = Math.sqrt(shape) * scale / Math.sqrt(N);
    assertThat(fit.shape() * fit.scale())
        .isCloseTo(shape * scale, org.assertj.core.data.Offset.offset(2.58 * seMean));
  }

  @Test
  void picksLognormalForLognormalData() {
    KsSelection s = KsSelection.of(lognormal(Math.log(5_000), 1.0, 3));
    assertThat(s.chosen().family()).isEqualTo(Family.LOGNORMAL);
    assertThat(s.distances().get("lognormal")).isLessThan(s.distances().get("gamma"));
    assertThat(s.distances()).containsOnlyKeys("lognormal", "gamma", "empirical");
  }

  @Test
  void picksGammaForGammaData() {
    KsSelection s = KsSelection.of(gamma(1.5, 2_000, 5));
    assertThat(s.chosen().family()).isEqualTo(Family.GAMMA);
    assertThat(s.distances().get("gamma")).isLessThan(s.distances().get("lognormal"));
  }

  @Test
  void fallsBackToEmpiricalForBimodalData() {
    double[] a = lognormal(Math.log(1_000), 0.1, 11);
    double[] b = lognormal(Math.log(10_000), 0.1, 12);
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = i % 2 == 0 ? a[i] : b[i];
    }
    KsSelection s = KsSelection.of(x);
    assertThat(s.chosen().family()).isEqualTo(Family.EMPIRICAL);
    assertThat(s.distances().get("empirical")).isLessThan(0.02);
    assertThat(s.chosen().quantile(0.5)).isBetween(1_000.0, 10_000.0);
  }

  @Test
  void equalSamplesBecomeAFixedValue() {
    KsSelection s = KsSelection.of(new double[] {4.0, 4.0, 4.0});
    assertThat(s.chosen()).isEqualTo(new StageDistribution.Fixed(4.0));
  }

  @Test
  void quantileInvertsTheCdfForEveryFamily() {
    StageDistribution[] ds = {
      new StageDistribution.Lognormal(8, 0.5),
      new StageDistribution.Gamma(2.5, 300),
      StageDistribution.Empirical.fit(gamma(2, 100, 9))
    };
    for (StageDistribution d : ds) {
      for (double u : new double[] {0.05, 0.5, 0.9, 0.99}) {
        assertThat(d.cdf(d.quantile(u)))
            .as(d.family() + " at " + u)
            .isCloseTo(u, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }
}
