package io.gradesim.simulator.output;

import java.util.Arrays;

/**
 * The stage times of submissions that left the queue (dispatched, started, graded, removed,
 * delivered), with their agent, slot, result and the instant their agent was lost: kept apart from
 * {@link SubmissionTable}'s rows so a waiting submission does not pay for them. Entries are
 * recycled once their row is written, so there are about as many as jobs being graded.
 */
final class LaterStages {
  static final int DISPATCHED = 0;
  static final int STARTED = 1;
  static final int GRADED = 2;
  static final int REMOVED = 3;
  static final int DELIVERED = 4;
  static final int COUNT = 5;

  long[] times = new long[16 * COUNT];
  long[] lostAt = new long[16];
  int[] agent = new int[16];
  int[] slot = new int[16];
  String[] result = new String[16];
  private int[] free = new int[16];
  private int freeCount;
  private int allocated;

  /** A fresh entry: every time {@code none}, no result. */
  int allocate(long none) {
    int e;
    if (freeCount > 0) {
      e = free[--freeCount];
    } else {
      if (allocated == agent.length) {
        grow(agent.length * 2);
      }
      e = allocated++;
    }
    Arrays.fill(times, e * COUNT, e * COUNT + COUNT, none);
    lostAt[e] = 0;
    agent[e] = 0;
    slot[e] = 0;
    result[e] = null;
    return e;
  }

  /** Returns entry {@code e} for reuse. */
  void release(int e) {
    result[e] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = e;
  }

  /** Bytes the arrays hold. */
  long footprintBytes() {
    return times.length * 8L
        + lostAt.length * 8L
        + agent.length * 4L
        + slot.length * 4L
        + result.length * 4L
        + free.length * 4L;
  }

  private void grow(int size) {
    times = Arrays.copyOf(times, size * COUNT);
    lostAt = Arrays.copyOf(lostAt, size);
    agent = Arrays.copyOf(agent, size);
    slot = Arrays.copyOf(slot, size);
    result = Arrays.copyOf(result, size);
  }
}
