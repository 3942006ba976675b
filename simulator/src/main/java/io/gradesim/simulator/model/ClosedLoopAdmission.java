package io.gradesim.simulator.model;

import java.util.Arrays;
import java.util.List;

/**
 * INGInious' admission as the students live it, for {@code admission = closed-loop}. The frontend
 * refuses a submission while one of the same user and task is waiting for its result ({@code
 * add_job} in {@code inginious/frontend/submission_manager.py}: "A submission is already pending
 * for this task!"); a group's submission is pending for every member (its {@code username} list).
 * The student keeps the refused work and sends it again once the pending result is shown, after
 * their think time, until the exam closes.
 *
 * <p>Each user and task has a lane: its submissions in recorded order. A submission is in the
 * system only while it heads the lane of every one of its users, so at most one per user and task
 * is pending and the rest wait in the students' hands, in order. When a result is delivered, each
 * submission that now heads all its lanes is sent again at delivery + its think time: the recorded
 * gap from the previous recorded feedback of that user on the task ({@code completed_at}) to its
 * own recorded arrival, else from the previous recorded arrival, else {@code defaultThinkMicros}. A
 * submission whose arrival or resend would come after the close is never sent; the submissions
 * behind it in its lanes move up at once. Submissions without users are always admitted.
 */
public final class ClosedLoopAdmission {
  /** Marks an unknown time. */
  public static final long NONE = Long.MIN_VALUE;

  private static final byte IN_FLIGHT = 1;
  private static final byte WAITING = 2;
  private static final byte SCHEDULED = 3;

  /** The decision on one arriving submission. */
  public enum Decision {
    ADMIT,
    REFUSE,
    NEVER_SENT
  }

  /** Where the submissions that may go again are handed. */
  public interface Handoff {
    /** Send {@code job} again at virtual time {@code at}. */
    void retryAt(int job, long at);

    /** The exam closed before {@code job} could be sent: it ends unsent. */
    void neverSent(int job);
  }

  private long closeMicros;
  private final long defaultThinkMicros;
  private final SubmitterLanes coder = new SubmitterLanes();
  private long[] lastArrival = unknown(64);
  private long[] lastFeedback = unknown(64);
  private int[][] laneJobs = new int[64][];
  private int[] laneStart = new int[64];
  private int[] laneSize = new int[64];
  private int[][] lanesOf = new int[16][];
  private long[] think = new long[16];
  private byte[] state = new byte[16];
  private int[] work = new int[16];
  private long refused;
  private long retried;
  private long neverSent;

  /**
   * Admission for an exam that closes at {@code closeMicros} (virtual time; {@code Long.MAX_VALUE}
   * for never), with {@code defaultThinkMicros} for a refused submission whose previous feedback on
   * the task is not recorded.
   */
  public ClosedLoopAdmission(long closeMicros, long defaultThinkMicros) {
    this.closeMicros = closeMicros;
    this.defaultThinkMicros = defaultThinkMicros;
  }

  /** Moves the close to {@code micros} of virtual time (once the run's epoch is known). */
  public void closeAt(long micros) {
    this.closeMicros = micros;
  }

  /**
   * Decides on {@code job}, arriving at {@code now} (its recorded arrival) from {@code users} for
   * {@code course}/{@code task}; {@code recordedFeedback} is its recorded completion in virtual
   * time, or {@link #NONE}.
   */
  public Decision arrive(
      int job, long now, List<String> users, String course, String task, long recordedFeedback) {
    return arrive(job, now, coder.lanes(users, course, task), recordedFeedback);
  }

  /**
   * Decides on {@code job} as {@link #arrive(int, long, List, String, String, long)} does, its
   * users and task given as their {@link SubmitterLanes#lanes} {@code lanes} (kept, never changed);
   * a run gives either lanes or names, never both.
   */
  public Decision arrive(int job, long now, int[] lanes, long recordedFeedback) {
    ensureJob(job);
    lanesOf[job] = null;
    if (lanes.length == 0) {
      return now > closeMicros ? neverSentAtArrival() : Decision.ADMIT;
    }
    long prevArrival = NONE;
    long prevFeedback = NONE;
    for (int l : lanes) {
      ensureLane(l);
      if (lastArrival[l] != NONE && lastArrival[l] >= prevArrival) {
        prevArrival = lastArrival[l];
        prevFeedback = lastFeedback[l];
      }
      lastArrival[l] = now;
      lastFeedback[l] = recordedFeedback;
    }
    if (now > closeMicros) {
      return neverSentAtArrival();
    }
    think[job] =
        prevFeedback != NONE && prevFeedback <= now ? now - prevFeedback : defaultThinkMicros;
    lanesOf[job] = lanes;
    for (int l : lanes) {
      push(l, job);
    }
    if (headsAll(job)) {
      state[job] = IN_FLIGHT;
      return Decision.ADMIT;
    }
    state[job] = WAITING;
    refused++;
    return Decision.REFUSE;
  }

  /** The result of {@code job} reached its students at {@code now}: hands on who may go next. */
  public void delivered(int job, long now, Handoff out) {
    if (job >= lanesOf.length || lanesOf[job] == null) {
      return;
    }
    if (state[job] != IN_FLIGHT) {
      throw new IllegalStateException("job " + job + " delivered while not sent");
    }
    int top = 0;
    work[top++] = job;
    while (top > 0) {
      int done = work[--top];
      int[] lanes = lanesOf[done];
      lanesOf[done] = null;
      state[done] = 0;
      for (int l : lanes) {
        pop(l, done);
      }
      for (int l : lanes) {
        if (laneSize[l] == 0) {
          continue;
        }
        int h = laneJobs[l][laneStart[l]];
        if (state[h] != WAITING || !headsAll(h)) {
          continue;
        }
        long at = now + think[h];
        if (at > closeMicros) {
          neverSent++;
          if (top == work.length) {
            work = Arrays.copyOf(work, top * 2);
          }
          work[top++] = h; // its lanes move up too
          state[h] = SCHEDULED; // not handed twice while it waits on the stack
          out.neverSent(h);
        } else {
          state[h] = SCHEDULED;
          out.retryAt(h, at);
        }
      }
    }
  }

  /** The resend of {@code job} handed by {@link #delivered} took place: it is pending now. */
  public void sent(int job) {
    if (state[job] != SCHEDULED) {
      throw new IllegalStateException("job " + job + " sent again while not scheduled");
    }
    state[job] = IN_FLIGHT;
    retried++;
  }

  /** Submissions refused at their arrival so far. */
  public long refused() {
    return refused;
  }

  /** Refused submissions sent again so far. */
  public long retried() {
    return retried;
  }

  /** Submissions never sent because the exam closed first, so far. */
  public long neverSent() {
    return neverSent;
  }

  private Decision neverSentAtArrival() {
    neverSent++;
    return Decision.NEVER_SENT;
  }

  private boolean headsAll(int job) {
    for (int l : lanesOf[job]) {
      if (laneJobs[l][laneStart[l]] != job) {
        return false;
      }
    }
    return true;
  }

  private void push(int l, int job) {
    int[] q = laneJobs[l];
    if (q == null) {
      q = new int[2];
      laneJobs[l] = q;
    }
    if (laneStart[l] + laneSize[l] == q.length) {
      if (laneStart[l] > 0) {
        System.arraycopy(q, laneStart[l], q, 0, laneSize[l]);
        laneStart[l] = 0;
      } else {
        q = Arrays.copyOf(q, q.length * 2);
        laneJobs[l] = q;
      }
    }
    q[laneStart[l] + laneSize[l]++] = job;
  }

  private void pop(int l, int job) {
    if (laneSize[l] == 0 || laneJobs[l][laneStart[l]] != job) {
      throw new IllegalStateException("job " + job + " left a lane it did not head");
    }
    laneSize[l]--;
    laneStart[l] = laneSize[l] == 0 ? 0 : laneStart[l] + 1;
  }

  private void ensureLane(int l) {
    if (l >= lastArrival.length) {
      int old = lastArrival.length;
      int n = Math.max(l + 1, old * 2);
      lastArrival = Arrays.copyOf(lastArrival, n);
      lastFeedback = Arrays.copyOf(lastFeedback, n);
      Arrays.fill(lastArrival, old, n, NONE);
      Arrays.fill(lastFeedback, old, n, NONE);
      laneJobs = Arrays.copyOf(laneJobs, n);
      laneStart = Arrays.copyOf(laneStart, n);
      laneSize = Arrays.copyOf(laneSize, n);
    }
  }

  private static long[] unknown(int n) {
    long[] a = new long[n];
    Arrays.fill(a, NONE);
    return a;
  }

  private void ensureJob(int job) {
    if (job >= lanesOf.length) {
      int n = Math.max(job + 1, lanesOf.length * 2);
      lanesOf = Arrays.copyOf(lanesOf, n);
      think = Arrays.copyOf(think, n);
      state = Arrays.copyOf(state, n);
    }
  }
}
