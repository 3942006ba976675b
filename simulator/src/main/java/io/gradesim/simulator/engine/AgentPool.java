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
 * previous life are ignored) and its failure process (exponential time to failure). With
 * autoscaling the pool has room for the maximum number of agents; those beyond the starting {@link
 * #initial()} are dormant until provisioned, and a scaled-in agent drains and goes dormant again.
 */
final class AgentPool {
  private final int count;
  private final int initial;
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
  private final int[] busy;
  private final long[] idleSince;
  private final boolean[] provisioning;
  private final boolean[] draining;
  private final boolean[] failed;
  private final long mtbfMicros;
  private final DurationDistribution repair;
  private final SplittableRandom failureRng;

  AgentPool(ScenarioSettings s, SplittableRandom failureRng, SharedCpu.Completions completions) {
    this.count = s.maxAgents();
    this.initial = s.agents();
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
    this.busy = new int[count];
    this.idleSince = new long[count];
    this.provisioning = new boolean[count];
    this.draining = new boolean[count];
    this.failed = new boolean[count];
    for (int a = 0; a < count; a++) {
      cpus[a] =
          new SharedCpu(cores, (int) Math.round(s.backgroundCores() * SharedCpu.UNIT), completions);
      patterns.add(s.environments());
    }
    this.mtbfMicros = s.failures().mtbfMicros();
    this.repair = s.failures().repair();
    this.failureRng = failureRng;
  }

  /** Agents the pool has room for (the autoscaler's maximum). */
  int count() {
    return count;
  }

  /** Agents up when the run starts. */
  int initial() {
    return initial;
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

  /** Puts {@code job} in {@code slot} (-1: frees it) at {@code now}, tracking idle agents. */
  void occupy(int slot, int job, long now) {
    int a = agentOfSlot(slot);
    if (slotJob[slot] < 0 && job >= 0) {
      busy[a]++;
    } else if (slotJob[slot] >= 0 && job < 0 && --busy[a] == 0) {
      idleSince[a] = now;
    }
    slotJob[slot] = job;
  }

  /** Slots of {@code agent} holding a job. */
  int busy(int agent) {
    return busy[agent];
  }

  /** Since when {@code agent} holds no job (meaningful while {@link #busy} is 0). */
  long idleSince(int agent) {
    return idleSince[agent];
  }

  /** Whether {@code agent} was ordered and has not said hello yet. */
  boolean provisioning(int agent) {
    return provisioning[agent];
  }

  /** Marks {@code agent} as ordered (true) or arrived (false). */
  void provisioning(int agent, boolean on) {
    provisioning[agent] = on;
  }

  /** Whether {@code agent} is being scaled in (takes no new job). */
  boolean draining(int agent) {
    return draining[agent];
  }

  /** Starts draining {@code agent}. */
  void drain(int agent) {
    draining[agent] = true;
  }

  /** The drained agent leaves: dormant, its pending events stale (a new incarnation). */
  void retire(int agent) {
    draining[agent] = false;
    failed[agent] = false;
    up[agent] = false;
    registered[agent] = false;
    incarnation[agent]++;
    ops[agent] = 0;
    cpus[agent].clear();
  }

  /** Whether {@code agent} is dormant: neither up, registered, under repair nor ordered. */
  boolean dormant(int agent) {
    return !up[agent] && !registered[agent] && !provisioning[agent] && !failed[agent];
  }

  /** Whether {@code agent} counts as capacity for the autoscaler (not dormant, not draining). */
  boolean inService(int agent) {
    return !dormant(agent) && !draining[agent];
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

  /** The agent (re)starts at {@code now}: a new incarnation with free slots and an idle CPU. */
  void hello(int agent, long now) {
    incarnation[agent]++;
    provisioning[agent] = false;
    draining[agent] = false;
    failed[agent] = false;
    busy[agent] = 0;
    idleSince[agent] = now;
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
    failed[agent] = true;
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
