package io.gradesim.simulator.autoscale;

/**
 * The scenario's {@code autoscale} section; durations in microseconds.
 *
 * @param policy the load metric tracked, or null when the pool is fixed
 * @param target the metric's target (queue-length: waiting submissions per agent; recent-wait:
 *     microseconds of backend queue wait)
 * @param minAgents the pool never shrinks below this
 * @param maxAgents the pool never grows beyond this
 * @param provisioningMicros from the decision to add an agent to its hello (AgentUp)
 * @param cooldownMicros no scaling action within this time after one
 * @param intervalMicros the autoscaler evaluates the metric every interval
 * @param scaleInIdleMicros only agents idle at least this long are removed (0: any agent, drained
 *     first)
 */
public record AutoscaleSettings(
    AutoscalePolicy policy,
    double target,
    int minAgents,
    int maxAgents,
    long provisioningMicros,
    long cooldownMicros,
    long intervalMicros,
    long scaleInIdleMicros) {

  /** A fixed pool: no autoscaling. */
  public static AutoscaleSettings off(int agents) {
    return new AutoscaleSettings(null, 0, agents, agents, 0, 0, 0, 0);
  }

  /** Whether the pool scales at all. */
  public boolean enabled() {
    return policy != null;
  }
}
