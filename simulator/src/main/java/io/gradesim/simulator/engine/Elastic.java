package io.gradesim.simulator.engine;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.autoscale.AutoscaleSettings;
import io.gradesim.simulator.autoscale.Autoscaler;
import io.gradesim.simulator.autoscale.Load;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.model.FreeSlotList;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.model.TopicQueues;
import io.gradesim.simulator.model.TopicRegistry;
import io.gradesim.simulator.warmpool.WarmPool;
import io.gradesim.simulator.warmpool.WarmPoolSettings;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The elastic parts of a run's pool, driven by the engine: the autoscaler's evaluations (the load
 * it sees, agents ordered, drained and retired) and the warm pools (which topic is warm, the
 * background refills and their container operations).
 */
final class Elastic {

  /** What the elastic parts share with the engine: slots, events, stage costs, clock, output. */
  record Wiring(
      FreeSlotList free,
      EventQueue queue,
      StageCosts costs,
      SplittableRandom costRng,
      Consumer<SimEvent> emit,
      LongSupplier now) {}

  private final AgentPool agents;
  private final TopicQueues topics;
  private final JobTable jobs;
  private final Autoscaler autoscaler;
  private final WarmPool warm;
  private final Wiring w;
  private final int[] startBuf;
  private final int[] drainBuf;
  private int[] warmIndexOfTopic = new int[0];
  private long waitSum;
  private long waitCount;

  Elastic(
      AutoscaleSettings autoscale,
      WarmPoolSettings warmPool,
      AgentPool agents,
      TopicQueues topics,
      JobTable jobs,
      Wiring wiring,
      TopicRegistry registry) {
    this.w = wiring;
    this.startBuf = new int[agents.count()];
    this.drainBuf = new int[agents.count()];
    this.agents = agents;
    this.topics = topics;
    this.jobs = jobs;
    this.autoscaler = autoscale.enabled() ? new Autoscaler(autoscale) : null;
    this.warm = warmPool.enabled() ? new WarmPool(warmPool, agents.count()) : null;
    for (int i = 0; warm != null && i < warmPool.environments().size(); i++) {
      warmTopic(registry.topicOf(warmPool.environments().get(i)), i);
    }
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
  private void warmTopic(int topic, int index) {
    if (topic >= warmIndexOfTopic.length) {
      int old = warmIndexOfTopic.length;
      warmIndexOfTopic = Arrays.copyOf(warmIndexOfTopic, topic + 1);
      Arrays.fill(warmIndexOfTopic, old, topic + 1, -1);
    }
    warmIndexOfTopic[topic] = index;
  }

  /** The warm environment index of {@code topic}, or -1. */
  private int warmIndex(int topic) {
    return warm == null || topic >= warmIndexOfTopic.length ? -1 : warmIndexOfTopic[topic];
  }

  /**
   * The first stage of {@code job} on agent {@code a}: {@code CREATING}, unless a warm container of
   * its environment is ready there; then the job takes it (emitting ContainerCreated, and
   * ContainerStarted when pre-started), a refill starts, and the job goes on with {@code STARTING},
   * {@code EXECING} or {@code GRADING}.
   */
  byte firstStage(int job, int a, boolean hasExec) {
    int e = warmIndex(jobs.topic[job]);
    if (e < 0 || !warm.take(a, e)) {
      return JobTable.CREATING;
    }
    long now = w.now().getAsLong();
    w.emit().accept(new SimEvent.ContainerCreated(now, jobs.n[job]));
    refill(a, e);
    if (!warm.settings().preStarted()) {
      return JobTable.STARTING;
    }
    w.emit().accept(new SimEvent.ContainerStarted(now, jobs.n[job]));
    return hasExec ? JobTable.EXECING : JobTable.GRADING;
  }

  /** The agent failed: its warm containers are gone. */
  void agentFailed(int a) {
    if (warm != null) {
      warm.reset(a);
    }
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
   * Evaluates the autoscaler at {@code now}: fills {@code start} with dormant agents to order and
   * {@code drain} with agents to scale in; returns {@code {starts, drains}}.
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
    Autoscaler.Decision d =
        autoscaler.evaluate(
            now, new Load(inService, topics.size(), busy, recent), removable.length);
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
    Arrays.sort(
        sorted,
        (x, y) -> {
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

  /** The autoscaler's evaluation: orders agents, drains others, schedules the next one. */
  void tick() {
    long now = w.now().getAsLong();
    int[] r = evaluate(now, startBuf, drainBuf);
    for (int i = 0; i < r[0]; i++) {
      int a = startBuf[i];
      agents.provisioning(a, true);
      w.queue()
          .push(
              now + provisioningDelay(),
              Kind.pack(Kind.AGENT_PROVISIONED, a, agents.incarnation(a)));
    }
    for (int i = 0; i < r[1]; i++) {
      int a = drainBuf[i];
      agents.drain(a);
      for (int s = agents.firstSlot(a); s < agents.endSlot(a); s++) {
        w.free().remove(s);
      }
      if (agents.busy(a) == 0) {
        retire(a);
      }
    }
    w.queue().push(now + interval(), Kind.pack(Kind.AUTOSCALE_TICK, 0, 0));
  }

  /** A drained agent whose last job ended leaves the pool. */
  void retire(int a) {
    agents.retire(a);
    if (warm != null) {
      warm.reset(a);
    }
    w.emit().accept(new SimEvent.AgentDown(w.now().getAsLong(), a));
  }

  void fillWarmPool(int a, boolean initial) {
    if (warm == null) {
      return;
    }
    warm.reset(a);
    if (initial) {
      warm.fillAtOnce(a); // up before the trace began: its pool had time to fill
      return;
    }
    for (int e = 0; e < warm.settings().environments().size(); e++) {
      refill(a, e);
    }
  }

  /** Starts background refills of agent {@code a}'s pool for warm environment {@code e}. */
  void refill(int a, int e) {
    if (!warm.settings().refill() || !agents.up(a) || agents.draining(a)) {
      return;
    }
    for (int k = warm.missing(a, e); k > 0; k--) {
      warmStage(warm.beginRefill(a, e, agents.incarnation(a)), Stage.CREATE);
    }
  }

  private void warmStage(int id, Stage stage) {
    int a = warm.agentOf(id);
    long cost = w.costs().sampleMicros(stage, agents.beginOp(a), w.costRng());
    w.queue().push(w.now().getAsLong() + cost, Kind.pack(Kind.WARM_STAGE_DONE, id, 0));
  }

  void warmStageDone(int id) {
    WarmPool pool = warm;
    int a = pool.agentOf(id);
    if (pool.incarnationOf(id) != agents.incarnation(a) || !agents.up(a)) {
      pool.endRefill(id, false); // the agent failed or left: the container is gone
      return;
    }
    agents.endOp(a);
    if (pool.stageOf(id) == WarmPool.CREATING && pool.settings().preStarted()) {
      pool.starting(id);
      warmStage(id, Stage.START);
    } else {
      pool.endRefill(id, true);
    }
  }
}
