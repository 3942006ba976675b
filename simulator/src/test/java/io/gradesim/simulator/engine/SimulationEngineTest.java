package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationEngineTest {
  private static final long BASE = 1_700_000_000L;
  private final List<SimEvent> events = new ArrayList<>();

  static Submission sub(
      String id, long atMs, Long gradingMs, String user, String env, Long memoryMb) {
    return new Submission(
        id,
        Instant.ofEpochSecond(BASE).plusMillis(atMs),
        "c",
        "t",
        user == null ? List.of() : List.of(user),
        env,
        0,
        gradingMs,
        null,
        null,
        null,
        null,
        memoryMb);
  }

  static Submission sub(String id, long atMs, long gradingMs) {
    return sub(id, atMs, gradingMs, null, null, null);
  }

  private List<String> of(int n) {
    List<String> out = new ArrayList<>();
    for (SimEvent e : events) {
      String s = e.toString();
      if (s.contains("n=" + n + ",") || s.contains("n=" + n + "]")) {
        out.add(e.getClass().getSimpleName() + "@" + e.t());
      }
    }
    return out;
  }

  @Test
  void oneSubmissionGoesThroughEveryStageWithItsCostsAndDelays() {
    Scenarios.run(
        Scenarios.of(
            "costs { create = 10ms, start = 20ms, exec = 5ms, remove = 30ms }\n"
                + "network { frontend-to-backend = 1ms, backend-to-agent = 2ms, agent-to-backend = 3ms,"
                + " backend-to-frontend = 4ms }"),
        List.of(sub("a", 0, 1000)),
        events::add);
    assertThat(events.get(0)).isInstanceOf(SimEvent.RunStarted.class);
    assertThat(events.get(1)).isInstanceOf(SimEvent.AgentUp.class);
    assertThat(of(0))
        .containsExactly(
            "SubmissionArrived@0",
            "SubmissionQueued@1000",
            "SubmissionDispatched@1000",
            "ContainerCreated@13000",
            "ContainerStarted@33000",
            "GradingFinished@1038000",
            "ContainerRemoved@1068000",
            "ResultDelivered@1075000");
  }

  @Test
  void aFreedSlotGoesToTheEndOfTheList() {
    Scenarios.run(
        Scenarios.of("cores = 3\nslots = 3"),
        List.of(
            sub("a", 0, 5000),
            sub("b", 0, 1000),
            sub("c", 0, 9000),
            sub("d", 6000, 1000),
            sub("e", 6000, 1000)),
        events::add);
    List<Integer> slots =
        events.stream()
            .filter(e -> e instanceof SimEvent.SubmissionDispatched)
            .map(e -> ((SimEvent.SubmissionDispatched) e).slot())
            .toList();
    // b frees slot 1 at 1 s, a frees slot 0 at 5 s: the list is [1, 0] when d and e arrive
    assertThat(slots).containsExactly(0, 1, 2, 1, 0);
  }

  @Test
  void aTaskAskingMoreThanTheMemoryPerSlotCrashesAtOnce() {
    Scenarios.run(
        Scenarios.of("memory-mb = 8000\ncores = 8\ncosts { create = 1s }"),
        List.of(sub("big", 0, 1000L, null, null, 1001L), sub("ok", 0, 1000L, null, null, 1000L)),
        events::add);
    assertThat(of(0))
        .containsExactly(
            "SubmissionArrived@0",
            "SubmissionQueued@0",
            "SubmissionDispatched@0",
            "GradingFinished@0",
            "ContainerRemoved@0",
            "ResultDelivered@0");
    assertThat(events).contains(new SimEvent.GradingFinished(0, 0, "crash"));
    assertThat(events).contains(new SimEvent.GradingFinished(2_000_000, 1, "success"));
  }

  @Test
  void theCpuTimeLimitEndsAJobAsTimeout() {
    Scenarios.run(Scenarios.of("limits.cpu = 2s"), List.of(sub("slow", 0, 10_000)), events::add);
    assertThat(events).contains(new SimEvent.GradingFinished(2_000_000, 0, "timeout"));
  }

  @Test
  void inginiousAgentDefaultsKillAJobWithoutLimitsAtThirtyCpuSeconds() {
    // no limits in the trace rows: the docker agent's fallback time 30 s, hard_time 90 s
    Scenarios.run(
        Scenarios.of("limits.defaults = inginious-agent"),
        List.of(sub("long", 0, 45_000), sub("short", 0, 10_000)),
        events::add);
    assertThat(events)
        .contains(
            new SimEvent.GradingFinished(30_000_000, 0, "timeout"),
            new SimEvent.GradingFinished(10_000_000, 1, "success"));
    events.clear();
    Scenarios.run(
        Scenarios.of("limits.defaults = none"),
        List.of(sub("long", 0, 45_000)),
        e -> {
          if (e instanceof SimEvent.GradingFinished) {
            events.add(e);
          }
        });
    assertThat(events).containsExactly(new SimEvent.GradingFinished(45_000_000, 0, "success"));
  }

  @Test
  void inginiousAgentDefaultsCrashAJobOfTheDefaultMemoryOnASmallSlot() {
    // 200 MB asked by default, 1 GB agent with 8 slots gives 128 MB per slot: crash at once
    Scenarios.run(
        Scenarios.of("limits.defaults = inginious-agent\nmemory-mb = 1024\ncores = 8"),
        List.of(sub("a", 0, 1000)),
        events::add);
    assertThat(events).contains(new SimEvent.GradingFinished(0, 0, "crash"));
  }

  @Test
  void theWallLimitKillsJobsStretchedBySharedCores() {
    // one core, two slots: two 4-s jobs share it and would both end at 8 s; hard = 5 s
    Scenarios.run(
        Scenarios.of("cores = 1\nslots = 2\nlimits.hard = 5s"),
        List.of(sub("a", 0, 4000), sub("b", 0, 4000), sub("c", 20_000, 1000)),
        events::add);
    assertThat(events)
        .contains(
            new SimEvent.GradingFinished(5_000_000, 0, "timeout"),
            new SimEvent.GradingFinished(5_000_000, 1, "timeout"),
            new SimEvent.GradingFinished(21_000_000, 2, "success"));
  }

  @Test
  void jobsOfALostAgentEndAsCrashAndAreNotRequeued() {
    Scenarios.run(
        Scenarios.of("failures { mtbf = 600s, repair = 30s, detection = 6s }\nseed = 3"),
        List.of(sub("long", 0, 3_600_000), sub("after", 7_200_000, 1000)),
        events::add);
    SimEvent lost =
        events.stream().filter(e -> e instanceof SimEvent.AgentLost).findFirst().orElseThrow();
    assertThat(of(0))
        .containsExactly(
            "SubmissionArrived@0",
            "SubmissionQueued@0",
            "SubmissionDispatched@0",
            "ContainerCreated@0",
            "ContainerStarted@0",
            "GradingFinished@" + lost.t(),
            "ContainerRemoved@" + lost.t(),
            "ResultDelivered@" + lost.t());
    assertThat(events).contains(new SimEvent.GradingFinished(lost.t(), 0, "crash"));
    assertThat(events.stream().filter(e -> e instanceof SimEvent.AgentUp).count()).isGreaterThan(1);
    assertThat(of(1)).last().asString().startsWith("ResultDelivered@");
  }

  @Test
  void mcqSubmissionsNeedNoSlot() {
    Scenarios.run(
        Scenarios.of("network.frontend-to-backend = 5ms"),
        List.of(sub("q", 0, null, null, "mcq/mcq", null)),
        events::add);
    assertThat(of(0))
        .containsExactly(
            "SubmissionArrived@0",
            "SubmissionQueued@5000",
            "SubmissionDispatched@5000",
            "GradingFinished@5000",
            "ContainerRemoved@5000",
            "ResultDelivered@5000");
  }

  @Test
  void admissionRejectsOrDefersASecondPendingSubmission() {
    List<Submission> subs =
        List.of(sub("a", 0, 5000L, "u", null, null), sub("b", 1000, 5000L, "u", null, null));
    Scenarios.run(Scenarios.of("admission = reject"), subs, events::add);
    assertThat(of(1)).containsExactly("SubmissionArrived@1000000", "SubmissionRejected@1000000");
    events.clear();
    Scenarios.run(Scenarios.of("admission = defer"), subs, events::add);
    assertThat(of(1))
        .startsWith(
            "SubmissionArrived@1000000", "SubmissionDeferred@1000000", "SubmissionQueued@5000000")
        .endsWith("ResultDelivered@10000000");
  }

  @Test
  void anEnvironmentNoAgentServesIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                Scenarios.run(
                    Scenarios.of("environments = [\"docker/default\"]"),
                    List.of(sub("x", 0, 1000L, null, "docker/java", null)),
                    events::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("submission x")
        .hasMessageContaining("docker/java");
  }

  @Test
  void aTaskWithoutGradingTimeIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                Scenarios.run(
                    Scenarios.of(""), List.of(sub("x", 0, null, null, null, null)), events::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task 't'");
  }
}
