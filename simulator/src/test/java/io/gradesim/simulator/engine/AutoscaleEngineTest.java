package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The engine with an autoscaled pool: a step in the arrival rate, then the load ending. */
class AutoscaleEngineTest {
  static final long S = 1_000_000L;
  static final long STEP_S = 600;
  static final long LOAD_END_S = 1200;
  static final String SCENARIO =
      "agents = 1\ncores = 2\ncosts = none\n"
          + "autoscale { policy = queue-length, target = 1, min-agents = 1, max-agents = 10,"
          + " provisioning-delay = 60s, cooldown = 30s, interval = 10s, scale-in-idle = 60s }";

  /** 10 min at one arrival per 20 s, 10 min at 2/s, then 15 min at one per 30 s; 4 s each. */
  static List<Submission> stepTrace() {
    List<Submission> subs = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(3);
    double t = 0;
    int i = 0;
    while (t < LOAD_END_S + 900) {
      double mean = t < STEP_S ? 20 : t < LOAD_END_S ? 0.5 : 30;
      t += -mean * Math.log(1 - rng.nextDouble());
      subs.add(
          new Submission(
              "s" + i++,
              Instant.ofEpochSecond(1_700_000_000L).plusNanos((long) (t * 1e9)),
              "c",
              "t",
              List.of(),
              null,
              0,
              4000L,
              null,
              null,
              null,
              null,
              null));
    }
    return subs;
  }

  /** Agents up after each AgentUp / AgentDown, by virtual time. */
  static TreeMap<Long, Integer> agentsOverTime(List<SimEvent> events) {
    TreeMap<Long, Integer> count = new TreeMap<>();
    int up = 0;
    for (SimEvent e : events) {
      if (e instanceof SimEvent.AgentUp) {
        count.put(e.t(), ++up);
      } else if (e instanceof SimEvent.AgentDown || e instanceof SimEvent.AgentLost) {
        count.put(e.t(), --up);
      }
    }
    return count;
  }

  @Test
  void agentsRiseWithinProvisioningDelayPlusIntervalOfAStepAndFallBackAfterTheLoad() {
    List<SimEvent> events = new ArrayList<>();
    Scenarios.run(Scenarios.of(SCENARIO), stepTrace(), events::add);
    TreeMap<Long, Integer> agents = agentsOverTime(events);
    long firstExtra =
        agents.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .mapToLong(e -> e.getKey())
            .min()
            .orElseThrow();
    // first arrival is t = 0 in virtual time, so the step is at about STEP_S (within 1 s)
    assertThat(firstExtra)
        .isGreaterThan((STEP_S - 1) * S)
        .isLessThanOrEqualTo((STEP_S + 1 + 60 + 10 + 5) * S);
    int peak = agents.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(peak).isGreaterThanOrEqualTo(4);
    assertThat(agents.floorEntry((LOAD_END_S + 600) * S).getValue()).isLessThanOrEqualTo(2);
    assertThat(agents.lastEntry().getValue()).isEqualTo(1);
  }

  @Test
  void aScaledInAgentTakesNoNewJobAndLeavesOnlyOnceItsJobsEnded() {
    List<SimEvent> events = new ArrayList<>();
    Scenarios.run(
        Scenarios.of(SCENARIO.replace("scale-in-idle = 60s", "scale-in-idle = 0s")),
        stepTrace(),
        events::add);
    boolean[] down = new boolean[16];
    int[] running = new int[16];
    int[] agentOf = new int[events.size()];
    for (SimEvent e : events) {
      if (e instanceof SimEvent.AgentUp u) {
        down[u.agent()] = false;
      } else if (e instanceof SimEvent.AgentDown d) {
        assertThat(running[d.agent()]).as("jobs on agent %d at its AgentDown", d.agent()).isZero();
        down[d.agent()] = true;
      } else if (e instanceof SimEvent.SubmissionDispatched d) {
        assertThat(down[d.agent()]).as("dispatch to a removed agent").isFalse();
        running[d.agent()]++;
        agentOf[d.n()] = d.agent();
      } else if (e instanceof SimEvent.ContainerRemoved r) {
        running[agentOf[r.n()]]--;
      }
    }
    assertThat(events.stream().filter(e -> e instanceof SimEvent.AgentDown).count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void theSameInputsGiveTheSameEvents() {
    List<SimEvent> a = new ArrayList<>();
    List<SimEvent> b = new ArrayList<>();
    Scenarios.run(Scenarios.of(SCENARIO), stepTrace(), a::add);
    Scenarios.run(Scenarios.of(SCENARIO), stepTrace(), b::add);
    assertThat(b).isEqualTo(a);
  }
}
