package io.gradesim.calibration.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StageCostSamplerTest {

  static StageCost row(
      String runtime, String stage, String payload, int c, String source, Fit fit) {
    return new StageCost(
        runtime,
        stage,
        payload,
        c,
        source,
        30,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        fit,
        null,
        null,
        source.equals(StageCost.LITERATURE) ? "a paper" : null,
        source.equals(StageCost.MEASURED) ? "probe.jfr sha256:ab" : null,
        null);
  }

  static Fit lognormal(double median, double sigma) {
    return new Fit(
        "lognormal", new TreeMap<>(Map.of("mu", Math.log(median), "sigma", sigma)), null, null);
  }

  static Fit gamma(double shape, double scale) {
    return new Fit("gamma", new TreeMap<>(Map.of("shape", shape, "scale", scale)), null, null);
  }

  private static final CalibrationProfile PROFILE =
      CalibrationProfile.of(
          null,
          null,
          List.of(
              row("runc", "create", "true", 1, StageCost.MEASURED, lognormal(1_000, 0.5)),
              row("runc", "create", "true", 4, StageCost.MEASURED, lognormal(4_000, 0.5)),
              row("runc", "create", "cpu", 1, StageCost.MEASURED, Fit.fixed(9_999)),
              row("runc", "start", "true", 1, StageCost.MEASURED, gamma(2.0, 1_500)),
              row("runc", "create", "x", 1, StageCost.LITERATURE, Fit.fixed(1)),
              row("kata", "start", "ubuntu", 1, StageCost.LITERATURE, Fit.fixed(900_000)),
              row("kata", "start", "ubuntu", 50, StageCost.LITERATURE, Fit.fixed(1_700_000))));

  private final StageCostSampler sampler = new StageCostSampler(PROFILE);

  @Test
  void interpolatesTheSameQuantileLinearlyBetweenMeasuredLevels() {
    assertThat(sampler.quantileMicros("runc", "create", null, 1, 0.5))
        .isCloseTo(1_000, within(1e-6));
    assertThat(sampler.quantileMicros("runc", "create", null, 2, 0.5))
        .isCloseTo(2.0 / 3 * 1_000 + 1.0 / 3 * 4_000, within(1e-6));
    assertThat(sampler.quantileMicros("runc", "create", null, 4, 0.9))
        .isCloseTo(4_000 * Math.exp(0.5 * 1.2815515655), within(1e-3));
    assertThat(sampler.quantileMicros("kata", "start", null, 25, 0.3))
        .isCloseTo(900_000 + 24 / 49.0 * 800_000, within(1e-6));
  }

  @Test
  void usesTheNearestLevelOutsideTheMeasuredRange() {
    assertThat(sampler.quantileMicros("runc", "create", null, 0, 0.5))
        .isCloseTo(1_000, within(1e-6));
    assertThat(sampler.quantileMicros("runc", "create", null, 64, 0.5))
        .isCloseTo(4_000, within(1e-6));
  }

  @Test
  void drawsOneUniformPerSampleSoSeededRunsRepeat() {
    SplittableRandom a = new SplittableRandom(99);
    SplittableRandom b = new SplittableRandom(99);
    SplittableRandom u = new SplittableRandom(99);
    for (int i = 0; i < 100; i++) {
      long x = sampler.sampleMicros("runc", "create", 3, a);
      assertThat(sampler.sampleMicros("runc", "create", 3, b)).isEqualTo(x);
      assertThat((double) x)
          .isCloseTo(
              sampler.quantileMicros("runc", "create", null, 3, u.nextDouble()), within(0.5));
    }
  }

  @Test
  void gammaDrawsHaveTheFittedMedian() {
    // Under the fitted gamma, the count of draws below its exact median is Binomial(n, 1/2).
    double median =
        new org.apache.commons.math3.distribution.GammaDistribution(null, 2.0, 1_500)
            .inverseCumulativeProbability(0.5);
    SplittableRandom rng = new SplittableRandom(5);
    int n = 20_000;
    int below = 0;
    for (int i = 0; i < n; i++) {
      if (sampler.sampleMicros("runc", "start", 1, rng) < median) {
        below++;
      }
    }
    assertThat(below / (double) n).isCloseTo(0.5, within(3.3 * Math.sqrt(0.25 / n)));
  }

  @Test
  void choosesThePayloadAskedForElseTrue() {
    assertThat(sampler.quantileMicros("runc", "create", "cpu", 1, 0.5)).isEqualTo(9_999);
    assertThat(sampler.quantileMicros("runc", "create", null, 1, 0.5))
        .isCloseTo(1_000, within(1e-6));
    assertThatThrownBy(() -> sampler.quantileMicros("runc", "create", "gpu", 1, 0.5))
        .hasMessageContaining("payloads in the profile: [cpu, true]");
  }

  @Test
  void prefersMeasuredRowsAndTellsWhichRuntimesAreLiteratureOnly() {
    assertThat(sampler.source("runc")).isEqualTo(StageCost.MEASURED);
    assertThat(sampler.source("kata")).isEqualTo(StageCost.LITERATURE);
    assertThatThrownBy(() -> sampler.quantileMicros("runc", "create", "x", 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sampler.stages()).containsOnlyKeys("kata", "runc");
    assertThat(sampler.has("kata", "start")).isTrue();
    assertThat(sampler.has("kata", "create")).isFalse();
  }

  @Test
  void unknownRuntimeOrStageListsWhatTheProfileHas() {
    assertThatThrownBy(() -> sampler.sampleMicros("lxc", "create", 1, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runtime 'lxc' stage 'create'")
        .hasMessageContaining("kata (literature: start)")
        .hasMessageContaining("runc (measured: create, start)");
    assertThatThrownBy(() -> sampler.source("lxc")).hasMessageContaining("runtime 'lxc'");
  }
}
