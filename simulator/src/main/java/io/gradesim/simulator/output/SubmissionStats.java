package io.gradesim.simulator.output;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The summary figures of written submission rows: waits, feedback times and result counts. */
final class SubmissionStats {
  private final DurationStats wait = new DurationStats();
  private final DurationStats feedback = new DurationStats();
  private final Map<String, long[]> results = new HashMap<>();
  private long waited;
  private long queueWaitMicros;
  private long queueWaitCount;

  /** Counts one row; a time that did not happen is {@code none}. */
  void row(long arrival, long queued, long dispatched, long delivered, String outcome, long none) {
    if (dispatched != none) {
      wait.record(dispatched - arrival);
      // A job dispatched without a SubmissionQueued event spent no time in a queue.
      queueWaitCount++;
      if (queued != none) {
        queueWaitMicros += dispatched - queued;
        if (dispatched > queued) {
          waited++;
        }
      }
    }
    if (delivered != none) {
      feedback.record(delivered - arrival);
    }
    results.computeIfAbsent(outcome.isEmpty() ? "unknown" : outcome, k -> new long[1])[0]++;
  }

  /** Waits (dispatched - arrival) of dispatched submissions. */
  DurationStats waits() {
    return wait;
  }

  /** Feedback times (delivered - arrival) of delivered submissions. */
  DurationStats feedbacks() {
    return feedback;
  }

  /** Share of dispatched submissions that spent a positive time in a queue, NaN if none. */
  double waitedShare() {
    return wait.count() == 0 ? Double.NaN : waited / (double) wait.count();
  }

  /** Exact mean of dispatched - queued in seconds, NaN when nothing was dispatched. */
  double queueWaitMeanSeconds() {
    return queueWaitCount == 0 ? Double.NaN : queueWaitMicros / (double) queueWaitCount / 1e6;
  }

  /** Count of rows per result, sorted by result. */
  SortedMap<String, Long> results() {
    SortedMap<String, Long> sorted = new TreeMap<>();
    results.forEach((k, v) -> sorted.put(k, v[0]));
    return sorted;
  }
}
