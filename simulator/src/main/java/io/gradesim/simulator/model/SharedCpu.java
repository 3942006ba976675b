package io.gradesim.simulator.model;

import java.util.Arrays;

/**
 * An agent's cores shared by the work running on it. INGInious sets no CPU quota on grading
 * containers, so while more jobs grade than the agent has cores each progresses at {@code cores /
 * busy} of full speed (processor sharing; a grading job uses at most one core).
 *
 * <p>Each piece of work has a weight: the cores it uses when it runs alone, in thousandths ({@link
 * #UNIT} for a grading job; a container operation measured to use 0.8 or 1.07 cores weighs 800 or
 * 1070). While the weights add up to at most the cores, every piece runs at its own weight and its
 * completion time is fixed when it starts: only that piece is scheduled. Beyond, each runs at its
 * weight times {@code cores / total weight}, and every change advances all pieces' remaining work
 * and reschedules them; the engine drops the stale completion events lazily by token.
 *
 * <p>Other work on the agent's machine (a background load) is a piece of weighted work that never
 * ends: it takes its share of the cores whenever they are over-subscribed.
 *
 * <p>Work is counted in nanoseconds of CPU. With unit weights only, the arithmetic is exact integer
 * arithmetic, as it was before weights existed (runs without weighted work keep their bytes); with
 * weighted work among them, the shared regime computes in double precision, deterministic all the
 * same.
 */
public final class SharedCpu {
  /** The weight of a grading job: one core, in thousandths. */
  public static final int UNIT = 1000;

  /** Receives the (new) completion time of a job's work. */
  @FunctionalInterface
  public interface Completions {
    /** Job {@code job} will end at virtual time {@code atMicros} unless rescheduled. */
    void schedule(int job, long atMicros);
  }

  private final long cores;
  private final long capacity;
  private final int background;
  private final Completions completions;
  private int[] jobs = new int[8];
  private int[] weight = new int[8];
  private long[] workLeftNanos = new long[8];
  private long[] finishAt = new long[8];
  private int busy;
  private long totalWeight;
  private int weighted;
  private long lastUpdate;

  /** An agent's CPU with {@code cores} cores that reports completions to {@code completions}. */
  public SharedCpu(int cores, Completions completions) {
    this(cores, 0, completions);
  }

  /**
   * An agent's CPU with {@code cores} cores, {@code background} thousandths of them kept busy by
   * other work all along (weighted work that never ends), reporting completions to {@code
   * completions}.
   */
  public SharedCpu(int cores, int background, Completions completions) {
    if (cores <= 0) {
      throw new IllegalArgumentException("cores must be positive: " + cores);
    }
    if (background < 0 || background > (long) cores * UNIT) {
      throw new IllegalArgumentException("background must be 0 to the cores: " + background);
    }
    this.cores = cores;
    this.capacity = (long) cores * UNIT;
    this.background = background;
    this.completions = completions;
    clear();
  }

  /** The number of jobs whose work is running. */
  public int busy() {
    return busy;
  }

  /**
   * Starts grading {@code job} with {@code workMicros} of CPU work (one core) at time {@code now}.
   */
  public void add(long now, int job, long workMicros) {
    add(now, job, workMicros, UNIT);
  }

  /**
   * Starts {@code workMicros} of CPU work (microseconds of one core) for {@code job} at time {@code
   * now}, using {@code weight} thousandths of a core while it runs alone.
   */
  public void add(long now, int job, long workMicros, int weight) {
    if (weight <= 0) {
      throw new IllegalArgumentException("weight must be positive: " + weight);
    }
    if (busy == jobs.length) {
      jobs = Arrays.copyOf(jobs, busy * 2);
      this.weight = Arrays.copyOf(this.weight, busy * 2);
      workLeftNanos = Arrays.copyOf(workLeftNanos, busy * 2);
      finishAt = Arrays.copyOf(finishAt, busy * 2);
    }
    if (totalWeight + weight <= capacity) {
      // Fast path: everyone, the newcomer included, keeps running at its own speed.
      long at = now + ceilDiv(workMicros * 1000, weight);
      put(job, weight, 0, at);
      completions.schedule(job, at);
      return;
    }
    settle(now);
    put(job, weight, workMicros * 1000, 0);
    rescheduleAll(now);
  }

  /** Stops {@code job}'s work (it completed or was killed) at time {@code now}. */
  public void remove(long now, int job) {
    boolean shared = totalWeight > capacity;
    if (shared) {
      settle(now);
    }
    int i = indexOf(job);
    busy--;
    totalWeight -= weight[i];
    if (weight[i] != UNIT) {
      weighted--;
    }
    jobs[i] = jobs[busy];
    weight[i] = weight[busy];
    workLeftNanos[i] = workLeftNanos[busy];
    finishAt[i] = finishAt[busy];
    if (shared) {
      rescheduleAll(now);
    }
  }

  /** Forgets every job (the agent was lost); the background work stays. */
  public void clear() {
    busy = 0;
    totalWeight = background;
    weighted = background > 0 ? 1 : 0; // the shared regime then computes by weights
  }

  private void put(int job, int w, long workNanos, long at) {
    jobs[busy] = job;
    weight[busy] = w;
    workLeftNanos[busy] = workNanos;
    finishAt[busy] = at;
    busy++;
    totalWeight += w;
    if (w != UNIT) {
      weighted++;
    }
  }

  private int indexOf(int job) {
    for (int i = 0; i < busy; i++) {
      if (jobs[i] == job) {
        return i;
      }
    }
    throw new IllegalStateException("job " + job + " is not running on this agent's cores");
  }

  /** Brings every job's remaining work up to {@code now} at the speed that held since then. */
  private void settle(long now) {
    if (totalWeight <= capacity) {
      for (int i = 0; i < busy; i++) {
        workLeftNanos[i] = Math.max(0, finishAt[i] - now) * weight[i];
      }
    } else if (weighted == 0) {
      long done = (now - lastUpdate) * 1000 * cores / busy;
      for (int i = 0; i < busy; i++) {
        workLeftNanos[i] = Math.max(0, workLeftNanos[i] - done);
      }
    } else {
      double perWeight = (double) (now - lastUpdate) * capacity / totalWeight;
      for (int i = 0; i < busy; i++) {
        long done = (long) Math.floor(perWeight * weight[i]);
        workLeftNanos[i] = Math.max(0, workLeftNanos[i] - done);
      }
    }
    lastUpdate = now;
  }

  private void rescheduleAll(long now) {
    lastUpdate = now;
    for (int i = 0; i < busy; i++) {
      long span;
      if (totalWeight <= capacity) {
        span = ceilDiv(workLeftNanos[i], weight[i]);
      } else if (weighted == 0) {
        // Time to finish at cores/busy speed, rounded up to a whole microsecond.
        span = ceilDiv(workLeftNanos[i] * busy, 1000 * cores);
      } else {
        span = (long) Math.ceil((double) workLeftNanos[i] * totalWeight / (weight[i] * capacity));
      }
      finishAt[i] = now + span;
      completions.schedule(jobs[i], finishAt[i]);
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
