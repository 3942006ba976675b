package io.gradesim.app.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockBootstrapTest {
  @Test
  void intervalOfAMedianHoldsThePointAndIsPinnedBySeed() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] xs = new double[400];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = rng.nextDouble();
    }
    double median = Quantiles.ofUnsorted(xs, 0.5);
    double[] ci = BlockBootstrap.interval(xs, s -> Quantiles.ofUnsorted(s, 0.5));
    assertThat(ci[0]).isLessThan(median);
    assertThat(ci[1]).isGreaterThan(median);
    assertThat(BlockBootstrap.interval(xs, s -> Quantiles.ofUnsorted(s, 0.5))).containsExactly(ci);
    assertThat(BlockBootstrap.blockLength(400)).isEqualTo(20);
  }

  @Test
  void autocorrelatedSeriesGetsAWiderIntervalThanItsShuffle() {
    // A slow random walk: neighbours alike, as waits behind one busy spell.
    SplittableRandom rng = new SplittableRandom(5);
    double[] walk = new double[400];
    double[] shuffled = new double[400];
    double x = 0;
    for (int i = 0; i < walk.length; i++) {
      x += rng.nextDouble() - 0.5;
      walk[i] = x;
    }
    System.arraycopy(walk, 0, shuffled, 0, walk.length);
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    double[] a = BlockBootstrap.interval(walk, Quantiles::mean);
    double[] b = BlockBootstrap.interval(shuffled, Quantiles::mean);
    assertThat(a[1] - a[0]).isGreaterThan(2 * (b[1] - b[0]));
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    assertThat(Quantiles.of(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    assertThat(Quantiles.of(new double[] {1, 2, 3, 4}, 1)).isEqualTo(4);
    assertThat(Quantiles.of(new double[] {}, 0.5)).isNaN();
  }
}
