package io.gradesim.simulator.output;

import java.io.IOException;

/**
 * The per-submission fold: collects each submission's stage times while it is in flight and writes
 * its {@code submissions.csv} row, in order of arrival ordinal {@code n}, once it and every earlier
 * submission have ended.
 *
 * <p>Rows span only from the oldest unwritten submission to the newest arrival, so memory follows
 * the number in flight, not the trace length. They live in pages of {@value #PAGE} rows of
 * primitive arrays (no object per submission), taken at the newest end and given back at the
 * oldest, so a long queue grows by a page at a time, never by copying. A row holds what a waiting
 * submission needs: arrival and queue times, flags, the end of its id in an {@link IdRing} and,
 * once it left the queue, the index of its {@link LaterStages} entry; measured, a waiting
 * submission costs about 30 bytes here.
 *
 * <p>A submission ends when its result is delivered, it is rejected or it is never sent (the exam
 * closed first). A job on a lost agent ends as {@code crash}; it still waits for its delivery, but
 * at most {@link #LOST_GRACE_MICROS} of virtual time, so an engine that delivers nothing for it
 * cannot hold the rows open.
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
  private static final long NONE = Long.MIN_VALUE;

  private static final byte DONE = 1;
  private static final byte REJECTED = 2;
  private static final byte LOST = 4;
  private static final byte BUSY = 8;
  private static final byte IN_QUEUE = 16;
  private static final byte CREATED = 32;
  private static final byte NEVER_SENT = 64;

  private static final int PAGE_BITS = 12;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int IN_PAGE = PAGE - 1;

  private final CsvSink out;
  private final long epochMicros;
  private final SubmissionStats stats = new SubmissionStats();
  private final IdRing ids = new IdRing();
  private final LaterStages later = new LaterStages();
  private long[][] arrivalAt = new long[4][];
  private long[][] queuedAt = new long[4][];
  private int[][] idEnd = new int[4][];
  private byte[][] flags = new byte[4][];
  private int[][] laterOf = new int[4][];
  private int pageMask = 3;
  private Page spare;
  private int next;
  private int end;
  private int peakBuffered;

  /** The arrays of one page, kept as a spare when given back. */
  private record Page(long[] arrival, long[] queued, int[] idEnd, byte[] flags, int[] later) {}

  SubmissionTable(CsvSink out, long epochMicros) {
    this.out = out;
    this.epochMicros = epochMicros;
  }

  /** Starts the row of submission {@code n}, which must be the next arrival ordinal. */
  void arrived(long t, int n, String submissionId) {
    if (n != end) {
      throw new IllegalStateException(
          "SubmissionArrived n=" + n + " out of order: expected n=" + end);
    }
    if ((n & IN_PAGE) == 0) {
      takePage(n);
    }
    int p = page(n);
    int o = n & IN_PAGE;
    arrivalAt[p][o] = t;
    queuedAt[p][o] = NONE;
    flags[p][o] = 0;
    laterOf[p][o] = -1;
    idEnd[p][o] = ids.add(submissionId);
    end++;
    peakBuffered = Math.max(peakBuffered, end - next);
  }

  /** Ends submission {@code n} as rejected by admission. */
  void rejected(long t, int n) throws IOException {
    if (live(n)) {
      setFlags(n, REJECTED | DONE);
      flushReady(t);
    }
  }

  /** Ends submission {@code n} as never sent: the exam closed before its student could. */
  void neverSent(long t, int n) throws IOException {
    if (live(n)) {
      setFlags(n, NEVER_SENT | DONE);
      flushReady(t);
    }
  }

  /** Records a stage time; returns true if the submission newly entered a backend queue. */
  boolean queued(long t, int n) {
    if (!live(n) || (flagsOf(n) & IN_QUEUE) != 0) {
      return false;
    }
    queuedAt[page(n)][n & IN_PAGE] = t;
    setFlags(n, IN_QUEUE);
    return true;
  }

  /** Records the dispatch; returns true if the submission left a backend queue. */
  boolean dispatched(long t, int n, int toAgent, int toSlot) {
    if (!live(n)) {
      return false;
    }
    int e = laterEntry(n);
    later.times[e * LaterStages.COUNT + LaterStages.DISPATCHED] = t;
    later.agent[e] = toAgent;
    later.slot[e] = toSlot;
    byte f = flagsOf(n);
    flags[page(n)][n & IN_PAGE] = (byte) ((f & ~IN_QUEUE) | BUSY);
    return (f & IN_QUEUE) != 0;
  }

  /** Notes that the container was created. */
  void created(int n) {
    if (live(n)) {
      setFlags(n, CREATED);
    }
  }

  /** Records a stage time (STARTED, ...) without other effect. */
  void stage(long t, int n, int stage) {
    if (live(n)) {
      int e = laterEntry(n); // before reading later.times: it may grow the arrays
      later.times[e * LaterStages.COUNT + stage - DISPATCHED] = t;
    }
  }

  /** Records the result; returns true if this frees the slot (no container was ever created). */
  boolean graded(long t, int n, String outcome) {
    if (!live(n)) {
      return false;
    }
    int e = laterEntry(n);
    later.times[e * LaterStages.COUNT + LaterStages.GRADED] = t;
    later.result[e] = outcome;
    return (flagsOf(n) & CREATED) == 0 && release(n);
  }

  /** Records the removal; returns true if this frees the slot. */
  boolean removed(long t, int n) {
    if (!live(n)) {
      return false;
    }
    int e = laterEntry(n);
    later.times[e * LaterStages.COUNT + LaterStages.REMOVED] = t;
    return release(n);
  }

  /** Ends submission {@code n} with its delivery; returns true if its slot was still busy. */
  boolean delivered(long t, int n) throws IOException {
    if (!live(n)) {
      return false;
    }
    int e = laterEntry(n);
    later.times[e * LaterStages.COUNT + LaterStages.DELIVERED] = t;
    boolean freed = release(n);
    setFlags(n, DONE);
    flushReady(t);
    return freed;
  }

  /** Crashes the jobs running on a lost agent; returns how many busy slots that frees. */
  int agentLost(long t, int lostAgent) throws IOException {
    int freed = 0;
    for (int n = next; n < end; n++) {
      int e = laterOf[page(n)][n & IN_PAGE];
      if ((flagsOf(n) & BUSY) != 0 && e >= 0 && later.agent[e] == lostAgent) {
        release(n);
        setFlags(n, LOST);
        later.lostAt[e] = t;
        if (later.result[e] == null) {
          later.result[e] = "crash";
        }
        freed++;
      }
    }
    flushReady(t);
    return freed;
  }

  /** Writes rows whose lost-agent grace has run out by virtual time {@code now}. */
  void expire(long now) throws IOException {
    if (next < end && (flagsOf(next) & LOST) != 0) {
      flushReady(now);
    }
  }

  /** Writes every remaining row, ended or not, in order. */
  void finishAll() throws IOException {
    while (next < end) {
      writeOldest();
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

  /** Bytes the rows, the ids and the later stages hold (arrays as allocated). */
  long footprintBytes() {
    long pages = 0;
    for (long[] a : arrivalAt) {
      pages += a == null ? 0 : 1;
    }
    pages += spare == null ? 0 : 1;
    return pages * PAGE * (8 + 8 + 4 + 1 + 4)
        + arrivalAt.length * 5L * 4
        + ids.footprintBytes()
        + later.footprintBytes();
  }

  private int page(int n) {
    return (n >>> PAGE_BITS) & pageMask;
  }

  private byte flagsOf(int n) {
    return flags[page(n)][n & IN_PAGE];
  }

  private void setFlags(int n, int bits) {
    flags[page(n)][n & IN_PAGE] |= (byte) bits;
  }

  private int laterEntry(int n) {
    int p = page(n);
    int o = n & IN_PAGE;
    int e = laterOf[p][o];
    if (e < 0) {
      e = later.allocate(NONE);
      laterOf[p][o] = e;
    }
    return e;
  }

  private boolean release(int n) {
    if ((flagsOf(n) & BUSY) == 0) {
      return false;
    }
    flags[page(n)][n & IN_PAGE] &= ~BUSY;
    return true;
  }

  /** False for a row already written (a late delivery after the lost-agent grace). */
  private boolean live(int n) {
    if (n >= end || n < 0) {
      throw new IllegalStateException("event for submission n=" + n + " before its arrival");
    }
    return n >= next;
  }

  private void flushReady(long now) throws IOException {
    while (next < end) {
      byte f = flagsOf(next);
      int e = laterOf[page(next)][next & IN_PAGE];
      boolean expired = (f & LOST) != 0 && now - later.lostAt[e] > LOST_GRACE_MICROS;
      if ((f & DONE) == 0 && !expired) {
        return;
      }
      writeOldest();
    }
  }

  private void writeOldest() throws IOException {
    int n = next;
    int p = page(n);
    int o = n & IN_PAGE;
    int e = laterOf[p][o];
    byte f = flags[p][o];
    ids.takeInto(idEnd[p][o], out);
    long arrival = arrivalAt[p][o];
    long queued = queuedAt[p][o];
    instant(arrival);
    instant(queued);
    int base = e * LaterStages.COUNT;
    long dispatched = e < 0 ? NONE : later.times[base + LaterStages.DISPATCHED];
    long delivered = e < 0 ? NONE : later.times[base + LaterStages.DELIVERED];
    for (int s = LaterStages.DISPATCHED; s < LaterStages.COUNT; s++) {
      instant(e < 0 ? NONE : later.times[base + s]);
    }
    if (dispatched == NONE) {
      out.empty();
      out.empty();
    } else {
      out.number(later.agent[e]);
      out.number(later.slot[e]);
    }
    String outcome = outcome(f, e < 0 ? null : later.result[e]);
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
    stats.row(arrival, queued, dispatched, delivered, outcome, NONE);
    if (e >= 0) {
      later.release(e);
    }
    next++;
    if ((next & IN_PAGE) == 0) {
      givePageBack(n);
    }
  }

  private void instant(long v) throws IOException {
    if (v == NONE) {
      out.empty();
    } else {
      out.instant(epochMicros + v);
    }
  }

  private static String outcome(byte f, String result) {
    if ((f & REJECTED) != 0) {
      return "rejected";
    }
    if ((f & NEVER_SENT) != 0) {
      return "never_sent";
    }
    if (result != null) {
      return result;
    }
    return (f & DONE) != 0 ? "" : "unfinished";
  }

  /** Makes room for the page that starts with row {@code n}. */
  private void takePage(int n) {
    int inUse = next == end ? 0 : (n >>> PAGE_BITS) - (next >>> PAGE_BITS);
    if (inUse + 1 > pageMask + 1) {
      growPageSlots();
    }
    int p = page(n);
    Page page =
        spare != null
            ? spare
            : new Page(
                new long[PAGE], new long[PAGE], new int[PAGE], new byte[PAGE], new int[PAGE]);
    spare = null;
    arrivalAt[p] = page.arrival();
    queuedAt[p] = page.queued();
    idEnd[p] = page.idEnd();
    flags[p] = page.flags();
    laterOf[p] = page.later();
  }

  /** Gives back the page of row {@code n}, every row of which was written. */
  private void givePageBack(int n) {
    int p = page(n);
    if (spare == null) {
      spare = new Page(arrivalAt[p], queuedAt[p], idEnd[p], flags[p], laterOf[p]);
    }
    arrivalAt[p] = null;
    queuedAt[p] = null;
    idEnd[p] = null;
    flags[p] = null;
    laterOf[p] = null;
  }

  private void growPageSlots() {
    int size = (pageMask + 1) * 2;
    long[][] a = new long[size][];
    long[][] q = new long[size][];
    int[][] id = new int[size][];
    byte[][] f = new byte[size][];
    int[][] l = new int[size][];
    int newMask = size - 1;
    if (next != end) {
      for (int page = next >>> PAGE_BITS; page <= (end - 1) >>> PAGE_BITS; page++) {
        int from = page & pageMask;
        int to = page & newMask;
        a[to] = arrivalAt[from];
        q[to] = queuedAt[from];
        id[to] = idEnd[from];
        f[to] = flags[from];
        l[to] = laterOf[from];
      }
    }
    arrivalAt = a;
    queuedAt = q;
    idEnd = id;
    flags = f;
    laterOf = l;
    pageMask = newMask;
  }
}
