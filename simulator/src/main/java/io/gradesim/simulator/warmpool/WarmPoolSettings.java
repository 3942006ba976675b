package io.gradesim.simulator.warmpool;

import java.util.List;

/**
 * The scenario's {@code warm-pool} section.
 *
 * @param sizePerAgent warm containers each agent keeps for each listed environment (0: off)
 * @param environments the environments ({@code type/id}, exact names) that get warm containers
 * @param refill whether a used warm container is replaced in the background
 * @param preStarted whether warm containers are created and started (a job skips both stages) or
 *     only created (a job skips create and still pays start)
 */
public record WarmPoolSettings(
    int sizePerAgent, List<String> environments, boolean refill, boolean preStarted) {

  /** Copies the list. */
  public WarmPoolSettings {
    environments = List.copyOf(environments);
  }

  /** No warm pool. */
  public static WarmPoolSettings off() {
    return new WarmPoolSettings(0, List.of(), true, true);
  }

  /** Whether any container is kept warm. */
  public boolean enabled() {
    return sizePerAgent > 0 && !environments.isEmpty();
  }
}
