package io.gradesim.traces.synth;

import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A closed-loop exam: {@code students} students work through the tasks {@code t1..tK} in order
 * until the deadline. The model, kept simple on purpose:
 *
 * <ul>
 *   <li>each student arrives uniformly within the first 5 minutes (at most a tenth of the exam);
 *   <li>before each submission the student thinks for an exponential time whose mean shrinks
 *       linearly from {@code thinkMean} at the start to a fifth of it at the deadline (students
 *       hurry at the end);
 *   <li>closed loop: the next submission comes only after the previous one's feedback, assumed to
 *       arrive after its grading time, so a student has at most one pending submission (and so at
 *       most one per task);
 *   <li>a submission passes with probability {@code pSuccess}; a passed task is left for the next
 *       one; a student who passed every task, or whose next submission would fall after the
 *       deadline, stops.
 * </ul>
 *
 * <p>Each student draws from a generator split, in student order, from one seeded generator, and
 * students are merged by (arrival, student), so the same seed gives the same trace; memory grows
 * with the number of students only.
 *
 * @param students number of students ({@code s0001...})
 * @param durationMicros length of the exam
 * @param tasks number of tasks
 * @param grading grading-time distribution
 * @param seed random seed
 * @param thinkMeanMicros mean think time at the start of the exam
 * @param pSuccess probability that a submission passes
 * @param start instant the exam starts
 */
public record ExamWorkload(
    int students,
    long durationMicros,
    int tasks,
    DurationDistribution grading,
    long seed,
    long thinkMeanMicros,
    double pSuccess,
    Instant start) {
  private static final long ARRIVAL_WINDOW_MICROS = 300_000_000L;

  /** Checks the parameters. */
  public ExamWorkload {
    if (students < 1 || tasks < 1 || durationMicros <= 0 || thinkMeanMicros <= 0) {
      throw new IllegalArgumentException(
          "--students, --tasks, --duration and --think must be" + " positive");
    }
    if (!(pSuccess > 0 && pSuccess <= 1)) {
      throw new IllegalArgumentException("--p-success must be in (0, 1]: " + pSuccess);
    }
  }

  private static final class Student {
    final int index;
    final SplittableRandom rng;
    int task;
    long next;

    Student(int index, SplittableRandom rng) {
      this.index = index;
      this.rng = rng;
    }
  }

  /** The submissions, in arrival order. */
  public Stream<Submission> stream() {
    SplittableRandom master = new SplittableRandom(seed);
    PriorityQueue<Student> queue =
        new PriorityQueue<>(
            (a, b) ->
                a.next != b.next
                    ? Long.compare(a.next, b.next)
                    : Integer.compare(a.index, b.index));
    long window = Math.min(ARRIVAL_WINDOW_MICROS, durationMicros / 10);
    for (int i = 0; i < students; i++) {
      Student s = new Student(i, master.split());
      s.next = (long) (s.rng.nextDouble() * window);
      s.next += think(s.rng, s.next);
      if (s.next < durationMicros) {
        queue.add(s);
      }
    }
    long startMs = start.toEpochMilli();
    Iterator<Submission> it =
        new Iterator<>() {
          private long n;

          @Override
          public boolean hasNext() {
            return !queue.isEmpty();
          }

          @Override
          public Submission next() {
            Student s = queue.poll();
            if (s == null) {
              throw new NoSuchElementException();
            }
            long at = s.next;
            long gradingMicros = grading.sampleMicros(s.rng);
            boolean passed = s.rng.nextDouble() < pSuccess;
            Submission sub =
                new Submission(
                    "e" + (++n),
                    Instant.ofEpochMilli(startMs + at / 1000),
                    "exam",
                    "t" + (s.task + 1),
                    List.of(String.format("s%04d", s.index + 1)),
                    null,
                    0,
                    Math.round(gradingMicros / 1000.0),
                    null,
                    passed ? "success" : "failed",
                    null,
                    null,
                    null);
            if (passed) {
              s.task++;
            }
            long feedback = at + gradingMicros;
            s.next = feedback + think(s.rng, feedback);
            if (s.task < tasks && s.next < durationMicros) {
              queue.add(s);
            }
            return sub;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** An exponential think time whose mean shrinks linearly to a fifth at the deadline. */
  private long think(SplittableRandom rng, long now) {
    double progress = Math.min(1.0, (double) now / durationMicros);
    double mean = thinkMeanMicros * (1 - 0.8 * progress);
    return Math.max(1000, Math.round(-mean * Math.log(1 - rng.nextDouble())));
  }
}
