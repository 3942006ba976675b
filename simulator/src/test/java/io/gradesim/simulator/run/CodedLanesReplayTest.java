package io.gradesim.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.engine.SimulationEngine;
import io.gradesim.simulator.engine.SubmissionSource;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.model.SubmitterLanes;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A trace held in memory codes its rows' admission lanes once; a streamed one is coded by each run.
 * Both must give the same run, event for event, under every admission rule.
 */
class CodedLanesReplayTest {

  @Test
  void aTraceInMemoryGivesEachRowTheLanesARunWouldCode() {
    List<Submission> rows = rows(5_000, 4);
    TraceColumns columns = new TraceColumns();
    rows.forEach(columns::add);
    SubmitterLanes fresh = new SubmitterLanes();
    SubmissionSource source = columns.source();
    for (Submission s = source.next(); s != null; s = source.next()) {
      assertThat(source.lanes()).containsExactly(fresh.lanes(s.users(), s.course(), s.task()));
    }
    assertThat(fresh.count()).isGreaterThan(100);
  }

  @Test
  void replaysTheSameEventsFromMemoryAsFromAStreamUnderEveryAdmission() {
    List<Submission> rows = rows(4_000, 8);
    TraceColumns columns = new TraceColumns();
    rows.forEach(columns::add);
    for (String admission : List.of("reject", "defer", "closed-loop")) {
      ScenarioSettings s =
          ScenarioLoader.parse(
              "admission = "
                  + admission
                  + "\nagents = 1\ncores = 2\n"
                  + "closed-loop.close = \"2024-01-15T12:00:00Z\"\n",
              admission + ".conf",
              List.of());
      List<SimEvent> streamed = run(s, SubmissionSource.of(rows.iterator()));
      List<SimEvent> inMemory = run(s, columns.source());
      assertThat(inMemory).as(admission).isEqualTo(streamed);
      long held =
          streamed.stream()
              .filter(
                  e ->
                      e instanceof SimEvent.SubmissionRejected
                          || e instanceof SimEvent.SubmissionDeferred
                          || e instanceof SimEvent.SubmissionRefused)
              .count();
      assertThat(held).as(admission + ": submissions held back by admission").isGreaterThan(100);
    }
  }

  private static List<SimEvent> run(ScenarioSettings s, SubmissionSource source) {
    List<SimEvent> events = new ArrayList<>();
    SimEvent.RunStarted header =
        new SimEvent.RunStarted(
            0, "test", 0, "trace.csv", "", s.name(), "", "{}", "", "", s.seed(), "test");
    new SimulationEngine(
            s,
            StageCosts.NONE,
            new GradingTimes(s.grading().tasks(), s.grading().fallback()),
            source,
            header,
            events::add)
        .run();
    return events;
  }

  /**
   * Seeded rows a few seconds apart with 20 s of grading each: 80 students on 3 tasks, some in
   * groups (a member named twice too), some without users, recorded feedback on half of them.
   */
  private static List<Submission> rows(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Submission> rows = new ArrayList<>();
    Instant at = Instant.parse("2024-01-15T08:00:00Z");
    for (int i = 0; i < n; i++) {
      at = at.plusMillis(r.nextInt(8_000));
      String u = "u" + r.nextInt(80);
      List<String> users =
          switch (r.nextInt(6)) {
            case 0 -> List.of();
            case 1 -> List.of(u, "u" + r.nextInt(80));
            case 2 -> List.of(u, u);
            default -> List.of(u);
          };
      rows.add(
          new Submission(
              "s" + i,
              at,
              r.nextInt(5) == 0 ? "other" : "course",
              "task" + r.nextInt(3),
              users,
              null,
              0,
              20_000L,
              r.nextBoolean() ? at.plusSeconds(25) : null,
              null,
              null,
              null,
              null));
    }
    return rows;
  }
}
