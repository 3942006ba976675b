package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warm containers take create and start off the critical path; refills are operations. */
class WarmPoolEngineTest {
  static final String COSTS = "cores = 2\ncosts { create = 100ms, start = 300ms, remove = 50ms }\n";
  static final String WARM =
      "warm-pool { size-per-agent = 1, environments = [docker/default]"
          + ", refill = background, pre-started = true }\n";

  static List<Submission> spaced(int n, long gapMs, long gradingMs) {
    List<Submission> subs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      subs.add(
          new Submission(
              "s" + i,
              Instant.ofEpochSecond(1_700_000_000L).plusMillis(i * gapMs),
              "c",
              "t",
              List.of(),
              null,
              0,
              gradingMs,
              null,
              null,
              null,
              null,
              null));
    }
    return subs;
  }

  static List<Long> feedbackMicros(List<SimEvent> events) {
    Map<Integer, Long> arrived = new java.util.HashMap<>();
    List<Long> out = new ArrayList<>();
    for (SimEvent e : events) {
      if (e instanceof SimEvent.SubmissionArrived a) {
        arrived.put(a.n(), a.t());
      } else if (e instanceof SimEvent.ResultDelivered d) {
        out.add(d.t() - arrived.get(d.n()));
      }
    }
    return out;
  }

  @Test
  void aJobFindingAWarmContainerSkipsCreateAndStart() {
    List<SimEvent> cold = new ArrayList<>();
    List<SimEvent> warm = new ArrayList<>();
    Scenarios.run(Scenarios.of(COSTS), spaced(5, 10_000, 1000), cold::add);
    Scenarios.run(Scenarios.of(COSTS + WARM), spaced(5, 10_000, 1000), warm::add);
    assertThat(feedbackMicros(cold)).containsOnly(1_450_000L);
    assertThat(feedbackMicros(warm)).containsOnly(1_050_000L);
  }

  @Test
  void withoutRefillOnlyThePoolsFirstContainersAreWarm() {
    List<SimEvent> events = new ArrayList<>();
    Scenarios.run(
        Scenarios.of(COSTS + WARM.replace("background", "none")),
        spaced(3, 10_000, 1000),
        events::add);
    assertThat(feedbackMicros(events)).containsExactly(1_050_000L, 1_450_000L, 1_450_000L);
  }

  @Test
  void createdOnlyContainersStillPayTheStartStage() {
    List<SimEvent> events = new ArrayList<>();
    Scenarios.run(
        Scenarios.of(COSTS + WARM.replace("pre-started = true", "pre-started = false")),
        spaced(3, 10_000, 1000),
        events::add);
    assertThat(feedbackMicros(events)).containsOnly(1_350_000L);
  }

  @Test
  void aBackgroundRefillCountsAsAContainerOperationOfTheAgent() {
    ScenarioSettings s = Scenarios.of("cores = 2\ncosts = profile\n" + WARM);
    List<Integer> removeOps = new ArrayList<>();
    StageCosts costs =
        (stage, ops, rng) -> {
          if (stage == Stage.REMOVE) {
            removeOps.add(ops);
          }
          return stage == Stage.CREATE ? 2_000_000L : 10_000L;
        };
    SimEvent.RunStarted header =
        new SimEvent.RunStarted(0, "t", 0, "", "", "", "", "{}", "", "", 1, "test");
    // the job takes the warm container at 0 and grades 0.5 s; the refill's create lasts 2 s
    new SimulationEngine(
            s,
            costs,
            new GradingTimes(Map.of(), null),
            SubmissionSource.of(spaced(1, 0, 500).iterator()),
            header,
            e -> {})
        .run();
    assertThat(removeOps).containsExactly(2);
  }
}
