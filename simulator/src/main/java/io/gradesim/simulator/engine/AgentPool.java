package io.gradesim.simulator.engine;

import io.gradesim.simulator.model.SharedCpu;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.synth.DurationDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The agents of a run and their slots: which slot holds which job, each agent's shared CPU and
 * container operations in progress, its incarnation (bumped at each hello, so that messages of a
 * previous life are ignored) and its failure process (exponential time to failure).
 */
final class AgentPool {
  private final int count;
  private final int slotsPerAgent;
  private final int cores;
  private final long memoryMb;
  private final long memoryPerSlotMb;
  private final long slowdown;
  private final List<List<String>> patterns = new ArrayList<>();
  private final SharedCpu[] cpus;
  private final int[] ops;
  private final int[] incarnation;
  private final boolean[] up;
  private final boolean[] registered;
  private final int[] slotJob;
  private final long mtbfMicros;
  private final DurationDistribution repair;
  private final SplittableRandom failureRng;

  AgentPool(ScenarioSettings s, SplittableRandom failureRng, SharedCpu.Completions completions) {
    this.count = s.agents();
    this.slotsPerAgent = s.slots();
    this.cores = s.cores();
    this.memoryMb = s.memoryMb();
    this.memoryPerSlotMb = s.memoryMb() / s.slots();
    this.slowdown = Math.max(1, (s.slots() + s.cores() - 1) / s.cores());
    this.cpus = new SharedCpu[count];
    this.ops = new int[count];
    this.incarnation = new int[count];
    this.up = new boolean[count];
    this.registered = new boolean[count];
    this.slotJob = new int[count * slotsPerAgent];
    java.util.Arrays.fill(slotJob, -1);
    for (int a = 0; a < count; a++) {
      cpus[a] = new SharedCpu(cores, completions);
      patterns.add(s.environments());
    }
    this.mtbfMicros = s.failures().mtbfMicros();
    this.repair = s.failures().repair();
    this.failureRng = failureRng;
  }

  int count() {
    return count;
  }

  List<List<String>> patterns() {
    return patterns;
  }

  int agentOfSlot(int slot) {
    return slot / slotsPerAgent;
  }

  int localSlot(int slot) {
    return slot % slotsPerAgent;
  }

  int firstSlot(int agent) {
    return agent * slotsPerAgent;
  }

  int endSlot(int agent) {
    return (agent + 1) * slotsPerAgent;
  }

  int slots(int agent) {
    return slotsPerAgent;
  }

  int cores(int agent) {
    return cores;
  }

  long memoryMb(int agent) {
    return memoryMb;
  }

  long memoryPerSlotMb(int agent) {
    return memoryPerSlotMb;
  }

  /** The worst stretch of grading wall time on this agent: ceil(slots / cores), at least 1. */
  long slowdown(int agent) {
    return slowdown;
  }

  SharedCpu cpu(int agent) {
    return cpus[agent];
  }

  int jobInSlot(int slot) {
    return slotJob[slot];
  }

  void occupy(int slot, int job) {
    slotJob[slot] = job;
  }

  /** A container operation begins on {@code agent}; returns how many are now in progress. */
  int beginOp(int agent) {
    return ++ops[agent];
  }

  void endOp(int agent) {
    ops[agent]--;
  }

  int incarnation(int agent) {
    return incarnation[agent];
  }

  boolean up(int agent) {
    return up[agent];
  }

  boolean registered(int agent) {
    return registered[agent];
  }

  /** The agent (re)starts: a new incarnation with free slots and an idle CPU. */
  void hello(int agent) {
    incarnation[agent]++;
    up[agent] = true;
    registered[agent] = true;
    ops[agent] = 0;
    cpus[agent].clear();
    for (int s = firstSlot(agent); s < endSlot(agent); s++) {
      slotJob[s] = -1;
    }
  }

  /** The agent fails: nothing on it progresses any more. */
  void fail(int agent) {
    up[agent] = false;
    ops[agent] = 0;
    cpus[agent].clear();
  }

  /** The backend forgets the agent. */
  void unregister(int agent) {
    registered[agent] = false;
  }

  /** Time from now to the agent's next failure in microseconds, or 0 when agents never fail. */
  long nextFailure(int agent) {
    if (mtbfMicros <= 0) {
      return 0;
    }
    return Math.max(1, Math.round(-mtbfMicros * Math.log(1.0 - failureRng.nextDouble())));
  }

  /** Draws a repair time in microseconds (at least 1). */
  long repairMicros() {
    return Math.max(1, repair.sampleMicros(failureRng));
  }
}
