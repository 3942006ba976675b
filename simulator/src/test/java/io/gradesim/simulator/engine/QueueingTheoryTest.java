package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.simulator.scenario.ScenarioSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against queueing theory, as statistics: with costs none, no delays and one agent of c
 * cores and c slots, the pipeline is an M/M/c (or M/D/1) queue. Each case checks that the
 * closed-form mean wait lies inside the run's 99 % batch-means confidence interval, that the run
 * was long enough for that interval to be tight (half-width at most 5 % of the mean), and that P(W
 * > 0) and P(W > t) at two t's are within 0.01 of theory. Fixed seeds; the sizes were chosen so
 * every interval holds comfortably.
 */
class QueueingTheoryTest {

  @ParameterizedTest(name = "M/M/{0} at load {1}")
  @CsvSource({
    "1, 0.5, 400000",
    "1, 0.7, 600000",
    "1, 0.9, 3000000",
    "4, 0.5, 900000",
    "4, 0.7, 600000",
    "4, 0.9, 3500000",
    "16, 0.7, 3200000",
    "16, 0.9, 6000000"
  })
  void meanWaitAndTailMatchErlangC(int c, double load, int n) {
    double mu = 1.0; // mean service 1 s
    double lambda = load * c * mu;
    long[] waits = simulate(c, lambda, n, "exp:mean=1s");
    WaitStatistics st = new WaitStatistics(waits, 0.02, 30);
    double pWait = erlangC(c, lambda / mu);
    double meanWait = pWait / (c * mu - lambda);
    double rate = c * mu - lambda;
    System.out.printf(
        "M/M/%d load %.2f n=%d: mean wait %.4f s +- %.4f (theory %.4f),"
            + " P(W>0) %.4f (theory %.4f)%n",
        c, load, n, st.mean, st.halfWidth, meanWait, st.fractionPositive(), pWait);

    assertThat(Math.abs(st.mean - meanWait)).isLessThanOrEqualTo(st.halfWidth);
    assertThat(st.halfWidth).isLessThanOrEqualTo(0.05 * meanWait);
    assertThat(st.fractionPositive()).isCloseTo(pWait, org.assertj.core.data.Offset.offset(0.01));
    for (double t : new double[] {meanWait, 3 * meanWait}) {
      double tail = pWait * Math.exp(-rate * t);
      assertThat(st.fractionAbove(t))
          .as("P(W > %.3f s)", t)
          .isCloseTo(tail, org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @ParameterizedTest(name = "M/D/1 at load {0}")
  @CsvSource({"0.5, 400000", "0.8, 800000"})
  void deterministicServiceMatchesPollaczekKhinchine(double load, int n) {
    long[] waits = simulate(1, load, n, "const:1s");
    WaitStatistics st = new WaitStatistics(waits, 0.02, 30);
    double meanWait = load / (2 * (1 - load)); // rho * S / (2 (1 - rho)), S = 1 s
    System.out.printf(
        "M/D/1 load %.2f: mean wait %.4f s +- %.4f (theory %.4f)%n",
        load, st.mean, st.halfWidth, meanWait);
    assertThat(Math.abs(st.mean - meanWait)).isLessThanOrEqualTo(st.halfWidth);
    assertThat(st.halfWidth).isLessThanOrEqualTo(0.05 * meanWait);
    assertThat(st.fractionPositive()).isCloseTo(load, org.assertj.core.data.Offset.offset(0.01));
  }

  /**
   * Each case draws its own random numbers (seeds from c and the load), so errors are independent.
   */
  static long[] simulate(int c, double lambda, int n, String service) {
    long seed = 1000L * c + Math.round(lambda * 1000 / c);
    ScenarioSettings s =
        Scenarios.of(
            "agents = 1\ncores = "
                + c
                + "\nslots = "
                + c
                + "\nseed = "
                + seed
                + "\ngrading.default = \""
                + service
                + "\"\n");
    WaitRecorder rec = new WaitRecorder(n);
    Scenarios.engine(s, new PoissonArrivals(n, lambda, seed * 7919 + 13, "t"), rec).run();
    assertThat(rec.delivered).isEqualTo(n);
    return rec.waits;
  }

  /** Erlang's C formula: the probability that an arrival waits in M/M/c with load a = λ/μ. */
  static double erlangC(int c, double a) {
    double term = 1;
    double sum = 1;
    for (int k = 1; k < c; k++) {
      term *= a / k;
      sum += term;
    }
    double last = term * a / c / (1 - a / c);
    return last / (sum + last);
  }
}
