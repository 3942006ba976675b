package io.gradesim.simulator.output;

import java.io.IOException;
import java.util.Arrays;

/**
 * The per-submission fold: collects each submission's stage times while it is in flight and
 * writes its {@code submissions.csv} row, in order of arrival ordinal {@code n}, once it and every
 * earlier submission have ended.
 *
 * <p>Rows live in a ring buffer indexed by {@code n} (arrays of primitives, no object per
 * submission) that spans only from the oldest unwritten submission to the newest arrival, so
 * memory follows the number in flight, not the trace length. A submission ends when its result is
 * delivered or it is rejected. A job on a lost agent ends as {@code crash}; it still waits for its
 * delivery, but at most {@link #LOST_GRACE_MICROS} of virtual time, so an engine that delivers
 * nothing for it cannot hold the buffer open.
 */
final class SubmissionTable {
  /** Virtual time a job of a lost agent may still wait for its (crash) delivery: one hour. */
  static final long LOST_GRACE_MICROS = 3_600_000_000L;

  static final int ARRIVAL = 0;
  static final int QUEUED = 1;
  static final int DISPATCHED = 2;
  static final int STARTED = 3;
  static final int GRADED = 4;
  static final int REMOVED = 5;
  static final int DELIVERED = 6;
  private static final int STAGES = 7;
  private static final long NONE = Long.MIN_VALUE;

  private static final byte DONE = 1;
  private static final byte REJECTED = 2;
  private static final byte LOST = 4;
  private static final byte BUSY = 8;
  private static final byte IN_QUEUE = 16;
  private static final byte CREATED = 32;

  private final CsvSink out;
  private final long epochMicros;
  private final SubmissionStats stats = new SubmissionStats();
  private long[] times;
  private int[] agent;
  private int[] slot;
  private String[] id;
  private String[] result;
  private byte[] flags;
  private long[] lostAt;
  private int mask;
  private int next;
  private int end;
  private int peakBuffered;

  SubmissionTable(CsvSink out, long epochMicros) {
    this.out = out;
    this.epochMicros = epochMicros;
    allocate(1024);
  }

  /** Starts the row of submission {@code n}, which must be the next arrival ordinal. */
  void arrived(long t, int n, String submissionId) {
    if (n != end) {
      throw new IllegalStateException(
          "SubmissionArrived n=" + n + " out of order: expected n=" + end);
    }
    if (end - next == flags.length) {
      grow();
    }
    int i = n & mask;
    Arrays.fill(times, i * STAGES, i * STAGES + STAGES, NONE);
    times[i * STAGES + ARRIVAL] = t;
    id[i] = submissionId;
    end++;
    peakBuffered = Math.max(peakBuffered, end - next);
  }

  /** Ends submission {@code n} as rejected by admission. */
  void rejected(long t, int n) throws IOException {
    int i = index(n);
    if (i >= 0) {
      flags[i] |= REJECTED | DONE;
      flushReady(t);
    }
  }

  /** Records a stage time; returns true if the submission newly entered a backend queue. */
  boolean queued(long t, int n) {
    int i = index(n);
    if (i < 0 || (flags[i] & IN_QUEUE) != 0) {
      return false;
    }
    times[i * STAGES + QUEUED] = t;
    flags[i] |= IN_QUEUE;
    return true;
  }

  /** Records the dispatch; returns true if the submission left a backend queue. */
  boolean dispatched(long t, int n, int toAgent, int toSlot) {
    int i = index(n);
    if (i < 0) {
      return false;
    }
    times[i * STAGES + DISPATCHED] = t;
    agent[i] = toAgent;
    slot[i] = toSlot;
    boolean wasQueued = (flags[i] & IN_QUEUE) != 0;
    flags[i] = (byte) ((flags[i] & ~IN_QUEUE) | BUSY);
    return wasQueued;
  }

  /** Notes that the container was created. */
  void created(int n) {
    int i = index(n);
    if (i >= 0) {
      flags[i] |= CREATED;
    }
  }

  /** Records a stage time (STARTED, ...) without other effect. */
  void stage(long t, int n, int stage) {
    int i = index(n);
    if (i >= 0) {
      times[i * STAGES + stage] = t;
    }
  }

  /** Records the result; returns true if this frees the slot (no container was ever created). */
  boolean graded(long t, int n, String outcome) {
    int i = index(n);
    if (i < 0) {
      return false;
    }
    times[i * STAGES + GRADED] = t;
    result[i] = outcome;
    return (flags[i] & CREATED) == 0 && release(i);
  }

  /** Records the removal; returns true if this frees the slot. */
  boolean removed(long t, int n) {
    int i = index(n);
    if (i < 0) {
      return false;
    }
    times[i * STAGES + REMOVED] = t;
    return release(i);
  }

  /** Ends submission {@code n} with its delivery; returns true if its slot was still busy. */
  boolean delivered(long t, int n) throws IOException {
    int i = index(n);
    if (i < 0) {
      return false;
    }
    times[i * STAGES + DELIVERED] = t;
    boolean freed = release(i);
    flags[i] |= DONE;
    flushReady(t);
    return freed;
  }

  /** Crashes the jobs running on a lost agent; returns how many busy slots that frees. */
  int agentLost(long t, int lostAgent) throws IOException {
    int freed = 0;
    for (int n = next; n < end; n++) {
      int i = n & mask;
      if ((flags[i] & BUSY) != 0 && agent[i] == lostAgent) {
        release(i);
        flags[i] |= LOST;
        lostAt[i] = t;
        if (result[i] == null) {
          result[i] = "crash";
        }
        freed++;
      }
    }
    flushReady(t);
    return freed;
  }

  /** Writes rows whose lost-agent grace has run out by virtual time {@code now}. */
  void expire(long now) throws IOException {
    if (next < end && (flags[next & mask] & LOST) != 0) {
      flushReady(now);
    }
  }

  /** Writes every remaining row, ended or not, in order. */
  void finishAll() throws IOException {
    while (next < end) {
      writeRow(next & mask);
      next++;
    }
  }

  /** Rows held in memory now (oldest unwritten to newest arrival). */
  int buffered() {
    return end - next;
  }

  /** The most rows ever held in memory at once. */
  int peakBuffered() {
    return peakBuffered;
  }

  /** Number of submissions that arrived. */
  int arrivals() {
    return end;
  }

  /** Figures of the rows written so far. */
  SubmissionStats stats() {
    return stats;
  }

  private boolean release(int i) {
    if ((flags[i] & BUSY) == 0) {
      return false;
    }
    flags[i] &= ~BUSY;
    return true;
  }

  private int index(int n) {
    if (n >= end || n < 0) {
      throw new IllegalStateException("event for submission n=" + n + " before its arrival");
    }
    // An event for a row already written (a late delivery after the lost-agent grace) is ignored.
    return n < next ? -1 : n & mask;
  }

  private void flushReady(long now) throws IOException {
    while (next < end) {
      int i = next & mask;
      boolean expired = (flags[i] & LOST) != 0 && now - lostAt[i] > LOST_GRACE_MICROS;
      if ((flags[i] & DONE) == 0 && !expired) {
        return;
      }
      writeRow(i);
      next++;
    }
  }

  private void writeRow(int i) throws IOException {
    int base = i * STAGES;
    out.text(id[i]);
    for (int s = 0; s < STAGES; s++) {
      long v = times[base + s];
      if (v == NONE) {
        out.empty();
      } else {
        out.instant(epochMicros + v);
      }
    }
    long arrival = times[base + ARRIVAL];
    long dispatched = times[base + DISPATCHED];
    long delivered = times[base + DELIVERED];
    if (dispatched == NONE) {
      out.empty();
      out.empty();
    } else {
      out.number(agent[i]);
      out.number(slot[i]);
    }
    String outcome = outcome(i);
    out.text(outcome);
    if (dispatched == NONE) {
      out.empty();
    } else {
      out.seconds(dispatched - arrival);
    }
    if (delivered == NONE) {
      out.empty();
    } else {
      out.seconds(delivered - arrival);
    }
    out.endRow();
    stats.row(arrival, times[base + QUEUED], dispatched, delivered, outcome, NONE);
    id[i] = null;
    result[i] = null;
    flags[i] = 0;
  }

  private String outcome(int i) {
    if ((flags[i] & REJECTED) != 0) {
      return "rejected";
    }
    if (result[i] != null) {
      return result[i];
    }
    return (flags[i] & DONE) != 0 ? "" : "unfinished";
  }

  private void allocate(int capacity) {
    times = new long[capacity * STAGES];
    agent = new int[capacity];
    slot = new int[capacity];
    id = new String[capacity];
    result = new String[capacity];
    flags = new byte[capacity];
    lostAt = new long[capacity];
    mask = capacity - 1;
  }

  private void grow() {
    long[] oldTimes = times;
    int[] oldAgent = agent;
    int[] oldSlot = slot;
    String[] oldId = id;
    String[] oldResult = result;
    byte[] oldFlags = flags;
    long[] oldLost = lostAt;
    int oldMask = mask;
    allocate(flags.length * 2);
    for (int n = next; n < end; n++) {
      int from = n & oldMask;
      int to = n & mask;
      System.arraycopy(oldTimes, from * STAGES, times, to * STAGES, STAGES);
      agent[to] = oldAgent[from];
      slot[to] = oldSlot[from];
      id[to] = oldId[from];
      result[to] = oldResult[from];
      flags[to] = oldFlags[from];
      lostAt[to] = oldLost[from];
    }
  }
}
