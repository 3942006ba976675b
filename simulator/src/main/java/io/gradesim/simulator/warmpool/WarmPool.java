package io.gradesim.simulator.warmpool;

import java.util.Arrays;

/**
 * The warm containers of every agent, per warm environment, and the background refills in progress.
 * A job takes one warm container of its environment if its agent has one (a used container is never
 * given to another job: INGInious starts a fresh container per submission); each one taken starts a
 * refill that pays the container stages off the critical path. A refill is a small record (agent,
 * environment, stage, agent incarnation) under a recycled id, so that the engine can drop refills
 * of an agent that failed or left.
 */
public final class WarmPool {
  /** Refill stage: creating the container. */
  public static final int CREATING = 0;

  /** Refill stage: starting the container. */
  public static final int STARTING = 1;

  private final WarmPoolSettings settings;
  private final int envs;
  private final int[][] ready;
  private final int[][] filling;
  private int[] refillAgent = new int[16];
  private int[] refillEnv = new int[16];
  private int[] refillStage = new int[16];
  private int[] refillIncarnation = new int[16];
  private int[] freeIds = new int[16];
  private int freeCount;
  private int allocated;
  private long taken;
  private long missed;

  /** Warm pools for {@code agents} agents (ids 0 .. agents-1). */
  public WarmPool(WarmPoolSettings settings, int agents) {
    this.settings = settings;
    this.envs = settings.environments().size();
    this.ready = new int[agents][envs];
    this.filling = new int[agents][envs];
  }

  /** The settings. */
  public WarmPoolSettings settings() {
    return settings;
  }

  /** Warm containers ready on {@code agent} for environment index {@code env}. */
  public int ready(int agent, int env) {
    return ready[agent][env];
  }

  /** Refills in progress on {@code agent} for {@code env}. */
  public int filling(int agent, int env) {
    return filling[agent][env];
  }

  /** Forgets the agent's containers and refills (it failed, left or says hello again). */
  public void reset(int agent) {
    Arrays.fill(ready[agent], 0);
    Arrays.fill(filling[agent], 0);
  }

  /** Fills the agent's pools at once (agents that were up before the run began). */
  public void fillAtOnce(int agent) {
    Arrays.fill(ready[agent], settings.sizePerAgent());
  }

  /** How many containers the agent's pool for {@code env} lacks, refills in progress counted. */
  public int missing(int agent, int env) {
    return Math.max(0, settings.sizePerAgent() - ready[agent][env] - filling[agent][env]);
  }

  /** Takes a warm container for a job; false when none is ready (the job creates its own). */
  public boolean take(int agent, int env) {
    if (ready[agent][env] == 0) {
      missed++;
      return false;
    }
    ready[agent][env]--;
    taken++;
    return true;
  }

  /** Starts a refill on {@code agent} (incarnation {@code incarnation}); returns its id. */
  public int beginRefill(int agent, int env, int incarnation) {
    int id;
    if (freeCount > 0) {
      id = freeIds[--freeCount];
    } else {
      if (allocated == refillAgent.length) {
        int n = allocated * 2;
        refillAgent = Arrays.copyOf(refillAgent, n);
        refillEnv = Arrays.copyOf(refillEnv, n);
        refillStage = Arrays.copyOf(refillStage, n);
        refillIncarnation = Arrays.copyOf(refillIncarnation, n);
      }
      id = allocated++;
    }
    refillAgent[id] = agent;
    refillEnv[id] = env;
    refillStage[id] = CREATING;
    refillIncarnation[id] = incarnation;
    filling[agent][env]++;
    return id;
  }

  /** The agent of refill {@code id}. */
  public int agentOf(int id) {
    return refillAgent[id];
  }

  /** The agent incarnation refill {@code id} was started in. */
  public int incarnationOf(int id) {
    return refillIncarnation[id];
  }

  /** The current stage of refill {@code id}. */
  public int stageOf(int id) {
    return refillStage[id];
  }

  /** Refill {@code id} created its container and now starts it. */
  public void starting(int id) {
    refillStage[id] = STARTING;
  }

  /** Refill {@code id} ended; its container is ready when {@code ready} (else it was dropped). */
  public void endRefill(int id, boolean readyNow) {
    int a = refillAgent[id];
    int e = refillEnv[id];
    if (readyNow) {
      filling[a][e]--;
      ready[a][e]++;
    }
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, freeCount * 2);
    }
    freeIds[freeCount++] = id;
  }

  /** Jobs that found a warm container. */
  public long taken() {
    return taken;
  }

  /** Jobs of a warm environment that found none ready. */
  public long missed() {
    return missed;
  }
}
