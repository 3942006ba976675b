package io.gradesim.live;

import io.gradesim.simulator.model.AdmissionPolicy;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The live pool's agents on this host's cores: agent {@code a} of {@code agents} gets the {@code
 * cores} CPUs from {@code a * cores} as its cpuset, so agents never share a core and "2 agents x 1
 * core" is two disjoint cpusets while "1 agent x 2 cores" is one set of two.
 *
 * @param agents number of agents
 * @param slots grading slots per agent (INGInious' docker agent: one per CPU by default)
 * @param cores CPUs per agent
 * @param memoryMb RAM per agent, for the output's pool description
 */
public record PoolLayout(int agents, int slots, int cores, long memoryMb) {

  /** Checks the counts are positive. */
  public PoolLayout {
    if (agents < 1 || slots < 1 || cores < 1) {
      throw new IllegalArgumentException(
          "a live pool needs at least one agent, slot and core (agents "
              + agents
              + ", slots "
              + slots
              + ", cores "
              + cores
              + ")");
    }
  }

  /** The fixed pool a scenario describes; refuses what a live pool cannot be. */
  public static PoolLayout of(ScenarioSettings s) {
    if (s.autoscale().enabled()) {
      throw new IllegalArgumentException(
          s.name() + ": the live pool has a fixed set of agents: autoscale must be off");
    }
    if (s.failures().enabled()) {
      throw new IllegalArgumentException(
          s.name() + ": the live pool does not inject agent failures: failures.mtbf must be 0");
    }
    if (s.warmPool().enabled()) {
      throw new IllegalArgumentException(
          s.name() + ": the live pool creates a container per job: warm-pool must be off");
    }
    if (s.admission() != AdmissionPolicy.OFF) {
      throw new IllegalArgumentException(
          s.name() + ": the live pool replays every submission: admission must be off");
    }
    return new PoolLayout(s.agents(), s.slots(), s.cores(), s.memoryMb());
  }

  /** Refuses a pool that needs more cores than {@code hostCores}. */
  public PoolLayout fitting(int hostCores) {
    if (agents * cores > hostCores) {
      throw new IllegalArgumentException(
          "the live pool needs "
              + agents * cores
              + " cores ("
              + agents
              + " agents x "
              + cores
              + "), this host has "
              + hostCores);
    }
    return this;
  }

  /** The cpuset list of agent {@code agent}, e.g. {@code 0} or {@code 2-3}. */
  public String cpuset(int agent) {
    int from = agent * cores;
    return cores == 1 ? Integer.toString(from) : from + "-" + (from + cores - 1);
  }

  /** Every slot's global id, agent by agent, in the order the agents' hellos announce them. */
  public List<Integer> slotsInHelloOrder() {
    return IntStream.range(0, agents * slots).boxed().toList();
  }

  /** The agent owning global slot {@code slot}. */
  public int agentOf(int slot) {
    return slot / slots;
  }

  /** The index of global slot {@code slot} within its agent. */
  public int localSlot(int slot) {
    return slot % slots;
  }
}
