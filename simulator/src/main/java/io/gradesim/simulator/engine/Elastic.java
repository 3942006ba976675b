package io.gradesim.simulator.engine;

import io.gradesim.simulator.autoscale.AutoscaleSettings;
import io.gradesim.simulator.autoscale.Autoscaler;
import io.gradesim.simulator.autoscale.Load;
import io.gradesim.simulator.model.TopicQueues;
import io.gradesim.simulator.warmpool.WarmPool;
import io.gradesim.simulator.warmpool.WarmPoolSettings;
import java.util.Arrays;

/**
 * The engine's view of the elastic parts of the pool: the autoscaler (the load it sees, which
 * agents to start or drain) and the warm pools (which topic is warm). Decisions only; the engine
 * schedules and emits.
 */
final class Elastic {
  private final AgentPool agents;
  private final TopicQueues topics;
  private final JobTable jobs;
  private final Autoscaler autoscaler;
  private final WarmPool warm;
  private int[] warmIndexOfTopic = new int[0];
  private long waitSum;
  private long waitCount;

  Elastic(AutoscaleSettings autoscale, WarmPoolSettings warmPool, AgentPool agents,
      TopicQueues topics, JobTable jobs) {
    this.agents = agents;
    this.topics = topics;
    this.jobs = jobs;
    this.autoscaler = autoscale.enabled() ? new Autoscaler(autoscale) : null;
    this.warm = warmPool.enabled() ? new WarmPool(warmPool, agents.count()) : null;
  }

  boolean autoscaling() {
    return autoscaler != null;
  }

  long interval() {
    return autoscaler.settings().intervalMicros();
  }

  long provisioningDelay() {
    return autoscaler.settings().provisioningMicros();
  }

  WarmPool warm() {
    return warm;
  }

  /** Declares that {@code topic} is warm environment {@code index}. */
  void warmTopic(int topic, int index) {
    if (topic >= warmIndexOfTopic.length) {
      int old = warmIndexOfTopic.length;
      warmIndexOfTopic = Arrays.copyOf(warmIndexOfTopic, topic + 1);
      Arrays.fill(warmIndexOfTopic, old, topic + 1, -1);
    }
    warmIndexOfTopic[topic] = index;
  }

  /** The warm environment index of {@code topic}, or -1. */
  int warmIndex(int topic) {
    return warm == null || topic >= warmIndexOfTopic.length ? -1 : warmIndexOfTopic[topic];
  }

  /** A job left the queue after waiting {@code waitMicros}. */
  void dispatched(long waitMicros) {
    waitSum += waitMicros;
    waitCount++;
  }

  /** Whether the pool is still above its minimum or changing (the run goes on until it is not). */
  boolean unsettled() {
    if (autoscaler == null) {
      return false;
    }
    int live = 0;
    for (int a = 0; a < agents.count(); a++) {
      if (!agents.dormant(a)) {
        live++;
        if (agents.provisioning(a) || agents.draining(a)) {
          return true;
        }
      }
    }
    return live > autoscaler.settings().minAgents();
  }

  /**
   * Evaluates the autoscaler at {@code now}: fills {@code start} with dormant agents to order
   * and {@code drain} with agents to scale in; returns {@code {starts, drains}}.
   */
  int[] evaluate(long now, int[] start, int[] drain) {
    int inService = 0;
    long busy = 0;
    for (int a = 0; a < agents.count(); a++) {
      if (agents.inService(a)) {
        inService++;
      }
      busy += agents.busy(a);
    }
    long recent = waitCount == 0 ? 0 : waitSum / waitCount;
    waitSum = 0;
    waitCount = 0;
    recent = Math.max(recent, oldestWait(now));
    int[] removable = removable(now);
    Autoscaler.Decision d = autoscaler.evaluate(now,
        new Load(inService, topics.size(), busy, recent), removable.length);
    int starts = 0;
    for (int a = 0; a < agents.count() && starts < d.add(); a++) {
      if (agents.dormant(a)) {
        start[starts++] = a;
      }
    }
    for (int i = 0; i < d.remove(); i++) {
      drain[i] = removable[i];
    }
    return new int[] {starts, d.remove()};
  }

  /** Agents that may be scaled in, best first: fewest jobs, longest idle, highest id. */
  private int[] removable(long now) {
    long idle = autoscaler.settings().scaleInIdleMicros();
    Integer[] c = new Integer[agents.count()];
    int n = 0;
    for (int a = 0; a < agents.count(); a++) {
      if (!agents.up(a) || !agents.registered(a) || agents.draining(a)) {
        continue;
      }
      boolean ok = idle == 0 || (agents.busy(a) == 0 && now - agents.idleSince(a) >= idle);
      if (ok) {
        c[n++] = a;
      }
    }
    Integer[] sorted = Arrays.copyOf(c, n);
    Arrays.sort(sorted, (x, y) -> {
      int byBusy = Integer.compare(agents.busy(x), agents.busy(y));
      if (byBusy != 0) {
        return byBusy;
      }
      int byIdle = Long.compare(agents.idleSince(x), agents.idleSince(y));
      return byIdle != 0 ? byIdle : Integer.compare(y, x);
    });
    return Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
  }

  /** Age of the longest-waiting job at the head of a topic queue, or 0. */
  private long oldestWait(long now) {
    long oldest = 0;
    for (int t = 0; t < topics.topicCount(); t++) {
      int job = topics.head(t);
      if (job >= 0) {
        oldest = Math.max(oldest, now - jobs.queuedAt[job]);
      }
    }
    return oldest;
  }
}
