package io.gradesim.simulator.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The time-weighted fold: queue length, busy slots, slots, cores and agents up as step functions of
 * virtual time, integrated exactly (integer count × µs) per bucket of {@code timeseries.csv} and
 * over the whole run for the summary (utilisation, cost, mean queue).
 *
 * <p>Callers must {@link #advance(long)} to an event's time before applying its change, so the
 * integrals see each state for exactly the time it lasted. Buckets are aligned on the run's epoch
 * (virtual time 0); a bucket with no event in it still gets its row. Maxima count only levels held
 * for a positive time.
 */
final class OccupancyTimeline {
  private final CsvSink out;
  private final long epochMicros;
  private final long width;
  private final Map<Integer, int[]> agents = new HashMap<>();
  private long lastT;
  private long bucketStart;
  private int queue;
  private int busy;
  private int slotsUp;
  private long coresUp;
  private long bucketQueueArea;
  private long bucketBusyArea;
  private int bucketQueueMax;
  private long bucketArrivals;
  private long bucketCompletions;
  private long queueArea;
  private long busyArea;
  private long slotArea;
  private long coreArea;
  private long agentArea;
  private int peakQueue;
  private boolean agentsChanged;

  OccupancyTimeline(CsvSink out, long epochMicros, long widthMicros, long startT) {
    this.out = out;
    this.epochMicros = epochMicros;
    this.width = widthMicros;
    this.lastT = startT;
    this.bucketStart = Math.floorDiv(startT, widthMicros) * widthMicros;
  }

  /** Moves virtual time to {@code t}, writing every bucket that ends at or before it. */
  void advance(long t) throws IOException {
    if (t < lastT) {
      throw new IllegalStateException("event at t=" + t + " after one at t=" + lastT);
    }
    while (t >= bucketStart + width) {
      integrateTo(bucketStart + width);
      writeBucket(width);
      bucketStart += width;
    }
    integrateTo(t);
  }

  /** Changes the number waiting in backend queues by {@code delta}. */
  void queue(int delta) {
    queue += delta;
  }

  /** Changes the number of busy slots by {@code delta}. */
  void busy(int delta) {
    busy += delta;
  }

  /** Counts an arrival in the current bucket. */
  void arrival() {
    bucketArrivals++;
  }

  /** Counts a delivered result in the current bucket. */
  void completion() {
    bucketCompletions++;
  }

  /** An agent joined (ignored if it is already up). */
  void agentUp(int agent, int slots, int cores) {
    if (agents.putIfAbsent(agent, new int[] {slots, cores}) == null) {
      slotsUp += slots;
      coresUp += cores;
      agentsChanged = true;
    }
  }

  /** An agent left or was lost (ignored if it was not up). */
  void agentGone(int agent) {
    int[] gone = agents.remove(agent);
    if (gone != null) {
      slotsUp -= gone[0];
      coresUp -= gone[1];
      agentsChanged = true;
    }
  }

  /**
   * Writes the run's last bucket, which ends at {@code end}; when the run ends on a bucket boundary
   * and agents came or went at that instant (an autoscaled pool's last scale-in), a bucket of zero
   * width shows the pool the run ended with.
   */
  void finish(long end) throws IOException {
    advance(end);
    if (end > bucketStart || bucketArrivals > 0 || bucketCompletions > 0 || agentsChanged) {
      writeBucket(end - bucketStart);
    }
  }

  /** Busy slot-µs over the run so far. */
  long busyArea() {
    return busyArea;
  }

  /** Available slot-µs over the run so far. */
  long slotArea() {
    return slotArea;
  }

  /** Core-µs of agents up over the run so far. */
  long coreArea() {
    return coreArea;
  }

  /** Agent-µs over the run so far. */
  long agentArea() {
    return agentArea;
  }

  /** Queue-length-µs over the run so far. */
  long queueArea() {
    return queueArea;
  }

  /** The largest queue length seen. */
  int peakQueue() {
    return peakQueue;
  }

  /** The number waiting in backend queues now. */
  int queueNow() {
    return queue;
  }

  private void integrateTo(long t) {
    long dt = t - lastT;
    if (dt > 0) {
      // Maxima count levels held for a positive time: a job queued and dispatched at the same
      // instant never waited.
      bucketQueueMax = Math.max(bucketQueueMax, queue);
      peakQueue = Math.max(peakQueue, queue);
      bucketQueueArea += queue * dt;
      bucketBusyArea += busy * dt;
      queueArea += queue * dt;
      busyArea += busy * dt;
      slotArea += slotsUp * dt;
      coreArea += coresUp * dt;
      agentArea += agents.size() * dt;
      lastT = t;
    }
  }

  private void writeBucket(long duration) throws IOException {
    out.instant(epochMicros + bucketStart);
    out.seconds(duration);
    out.raw(mean(bucketQueueArea, duration, queue));
    out.number(bucketQueueMax);
    out.raw(mean(bucketBusyArea, duration, busy));
    out.number(slotsUp);
    out.number(agents.size());
    out.number(bucketArrivals);
    out.number(bucketCompletions);
    out.endRow();
    bucketQueueArea = 0;
    bucketBusyArea = 0;
    bucketQueueMax = 0;
    bucketArrivals = 0;
    bucketCompletions = 0;
    agentsChanged = false;
  }

  /** Area / duration with exactly six decimals; a zero-length bucket shows the level itself. */
  static String mean(long area, long duration, int level) {
    if (duration <= 0) {
      return BigDecimal.valueOf(level).setScale(6, RoundingMode.UNNECESSARY).toPlainString();
    }
    return BigDecimal.valueOf(area)
        .divide(BigDecimal.valueOf(duration), 6, RoundingMode.HALF_EVEN)
        .toPlainString();
  }
}
