package io.gradesim.simulator.bench;

import io.gradesim.simulator.engine.SubmissionSource;
import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic trace generated on the fly: {@code count} submissions with exponential inter-arrival
 * times of mean {@code 1 / ratePerS} (a Poisson process) at microsecond resolution, all for one
 * task and environment and with no {@code grading_ms}, so that the scenario's grading distribution
 * applies. {@code users} gives each submission its own user id when true (admission applies), none
 * otherwise.
 */
public final class PoissonArrivals implements SubmissionSource {
  private static final long START = 1_700_000_000L;

  private final long count;
  private final double meanGapMicros;
  private final SplittableRandom rng;
  private final String task;
  private long produced;
  private long atMicros;

  /** {@code count} arrivals at {@code ratePerS} per second, seeded by {@code seed}. */
  public PoissonArrivals(long count, double ratePerS, long seed, String task) {
    this.count = count;
    this.meanGapMicros = 1e6 / ratePerS;
    this.rng = new SplittableRandom(seed);
    this.task = task;
  }

  @Override
  public Submission next() {
    if (produced == count) {
      return null;
    }
    if (produced > 0) {
      atMicros += Math.round(-meanGapMicros * Math.log(1.0 - rng.nextDouble()));
    }
    produced++;
    Instant at = Instant.ofEpochSecond(START + atMicros / 1_000_000, (atMicros % 1_000_000) * 1000);
    return new Submission(
        "s" + produced, at, "bench", task, List.of(), null, 0, null, null, null, null, null, null);
  }
}
