package io.gradesim.traces.synth;

import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open-loop Poisson workload: exponential inter-arrival times at a fixed rate, each submission
 * for one of {@code tasks} tasks chosen uniformly, with a grading time drawn from a distribution.
 * Generated lazily from one seeded {@link SplittableRandom}, so any length streams in constant
 * memory and the same seed gives the same trace. Arrivals are whole milliseconds; users are left
 * empty (an open system has no closed loop to model).
 *
 * @param ratePerSecond mean arrivals per second
 * @param count submissions to generate, or -1 to stop at {@code durationMicros}
 * @param durationMicros length of the trace, or -1 to stop at {@code count}
 * @param tasks number of tasks ({@code t1..tK}, course {@code synth})
 * @param grading grading-time distribution
 * @param seed random seed
 * @param start instant of time zero
 */
public record PoissonWorkload(
    double ratePerSecond,
    long count,
    long durationMicros,
    int tasks,
    DurationDistribution grading,
    long seed,
    Instant start) {

  /** Checks the parameters. */
  public PoissonWorkload {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("--rate must be a positive number: " + ratePerSecond);
    }
    if ((count < 0) == (durationMicros < 0)) {
      throw new IllegalArgumentException("give exactly one of --count and --duration");
    }
    if (tasks < 1) {
      throw new IllegalArgumentException("--tasks must be at least 1: " + tasks);
    }
  }

  /** The submissions, in arrival order. */
  public Stream<Submission> stream() {
    SplittableRandom rng = new SplittableRandom(seed);
    double meanGapMicros = 1e6 / ratePerSecond;
    long startMs = start.toEpochMilli();
    Iterator<Submission> it =
        new Iterator<>() {
          private long n;
          private double micros;
          private Submission next = advance();

          private Submission advance() {
            if (count >= 0 && n >= count) {
              return null;
            }
            micros += -meanGapMicros * Math.log(1 - rng.nextDouble());
            if (durationMicros >= 0 && micros >= durationMicros) {
              return null;
            }
            n++;
            String task = "t" + (1 + rng.nextInt(tasks));
            long gradingMs = Math.round(grading.sampleMicros(rng) / 1000.0);
            return Submission.of(
                    "p" + n, Instant.ofEpochMilli(startMs + (long) (micros / 1000)), "synth", task)
                .withGradingMs(gradingMs);
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Submission next() {
            if (next == null) {
              throw new NoSuchElementException();
            }
            Submission s = next;
            next = advance();
            return s;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
