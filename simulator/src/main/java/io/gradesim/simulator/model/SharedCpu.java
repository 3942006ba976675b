package io.gradesim.simulator.model;

import java.util.Arrays;

/**
 * An agent's cores shared by the jobs grading on it. INGInious sets no CPU quota on grading
 * containers, so while more jobs grade than the agent has cores each progresses at {@code cores /
 * busy} of full speed (processor sharing; a job uses at most one core).
 *
 * <p>Work is counted in nanoseconds of CPU. While {@code busy <= cores} every job runs at full
 * speed and its completion time is fixed when it starts: only that job is scheduled. Beyond, every
 * change of {@code busy} advances all jobs' remaining work and reschedules them; the engine drops
 * the stale completion events lazily by token.
 */
public final class SharedCpu {

  /** Receives the (new) completion time of a grading job. */
  @FunctionalInterface
  public interface Completions {
    /** Job {@code job} will end at virtual time {@code atMicros} unless rescheduled. */
    void schedule(int job, long atMicros);
  }

  private final long cores;
  private final Completions completions;
  private int[] jobs = new int[8];
  private long[] workLeftNanos = new long[8];
  private long[] finishAt = new long[8];
  private int busy;
  private long lastUpdate;

  /** An agent's CPU with {@code cores} cores that reports completions to {@code completions}. */
  public SharedCpu(int cores, Completions completions) {
    if (cores <= 0) {
      throw new IllegalArgumentException("cores must be positive: " + cores);
    }
    this.cores = cores;
    this.completions = completions;
  }

  /** The number of jobs grading. */
  public int busy() {
    return busy;
  }

  /** Starts grading {@code job} with {@code workMicros} of CPU work at time {@code now}. */
  public void add(long now, int job, long workMicros) {
    if (busy == jobs.length) {
      jobs = Arrays.copyOf(jobs, busy * 2);
      workLeftNanos = Arrays.copyOf(workLeftNanos, busy * 2);
      finishAt = Arrays.copyOf(finishAt, busy * 2);
    }
    if (busy < cores) {
      // Fast path: everyone, the newcomer included, keeps running at full speed.
      jobs[busy] = job;
      finishAt[busy] = now + workMicros;
      busy++;
      completions.schedule(job, now + workMicros);
      return;
    }
    settle(now);
    jobs[busy] = job;
    workLeftNanos[busy] = workMicros * 1000;
    busy++;
    rescheduleAll(now);
  }

  /** Stops grading {@code job} (it completed or was killed) at time {@code now}. */
  public void remove(long now, int job) {
    boolean shared = busy > cores;
    if (shared) {
      settle(now);
    }
    int i = indexOf(job);
    busy--;
    jobs[i] = jobs[busy];
    workLeftNanos[i] = workLeftNanos[busy];
    finishAt[i] = finishAt[busy];
    if (shared) {
      rescheduleAll(now);
    }
  }

  /** Forgets every job (the agent was lost). */
  public void clear() {
    busy = 0;
  }

  private int indexOf(int job) {
    for (int i = 0; i < busy; i++) {
      if (jobs[i] == job) {
        return i;
      }
    }
    throw new IllegalStateException("job " + job + " is not grading on this agent");
  }

  /** Brings every job's remaining work up to {@code now} at the speed that held since then. */
  private void settle(long now) {
    if (busy <= cores) {
      for (int i = 0; i < busy; i++) {
        workLeftNanos[i] = Math.max(0, finishAt[i] - now) * 1000;
      }
    } else {
      long done = (now - lastUpdate) * 1000 * cores / busy;
      for (int i = 0; i < busy; i++) {
        workLeftNanos[i] = Math.max(0, workLeftNanos[i] - done);
      }
    }
    lastUpdate = now;
  }

  private void rescheduleAll(long now) {
    lastUpdate = now;
    for (int i = 0; i < busy; i++) {
      // Time to finish at cores/busy speed, rounded up to a whole microsecond.
      long span =
          busy <= cores
              ? ceilDiv(workLeftNanos[i], 1000)
              : ceilDiv(workLeftNanos[i] * busy, 1000 * cores);
      finishAt[i] = now + span;
      completions.schedule(jobs[i], finishAt[i]);
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
