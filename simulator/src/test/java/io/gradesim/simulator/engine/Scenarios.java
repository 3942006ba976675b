package io.gradesim.simulator.engine;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.ScenarioStageCosts;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.Submission;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test helpers: scenarios from text and runs over in-memory submissions. */
final class Scenarios {
  private Scenarios() {}

  static ScenarioSettings of(String hocon) {
    return ScenarioLoader.parse(hocon, "test.conf", List.of());
  }

  static SimulationEngine engine(
      ScenarioSettings s, SubmissionSource source, SimEventListener out) {
    StageCosts costs =
        s.costs().kind() == ScenarioSettings.CostKind.GIVEN
            ? new ScenarioStageCosts(s.costs().stages())
            : StageCosts.NONE;
    GradingTimes grading = new GradingTimes(s.grading().tasks(), s.grading().fallback());
    SimEvent.RunStarted header =
        new SimEvent.RunStarted(
            0, "test", 0, "trace.csv", "", s.name(), "", "{}", "", "", s.seed(), "test");
    return new SimulationEngine(s, costs, grading, source, header, out);
  }

  static void run(ScenarioSettings s, List<Submission> subs, SimEventListener out) {
    Iterator<Submission> it = subs.iterator();
    engine(s, SubmissionSource.of(it), out).run();
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
