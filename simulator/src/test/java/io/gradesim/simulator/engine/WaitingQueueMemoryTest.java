package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.model.GradingTimes;
import io.gradesim.simulator.model.ScenarioStageCosts;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.scenario.ScenarioJson;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a waiting submission costs a run, engine and output fold together: 200,000 submissions
 * queued behind one slot busy for ever, the live heap measured after full collections.
 */
class WaitingQueueMemoryTest {
  private static final int WAITING = 200_000;

  @Test
  void aQueueOfTwoHundredThousandWaitingSubmissionsCostsAboutOneHundredThirtyBytesEach(
      @TempDir Path tmp) throws Exception {
    ScenarioSettings s = ScenarioLoader.parse("agents = 1\ncores = 1\nslots = 1\n"
        + "grading.default = 1000h\n", "waiting", List.of());
    SimEvent.RunStarted header = new SimEvent.RunStarted(0, "waiting", 0, "poisson", "",
        s.name(), "", ScenarioJson.render(s, Map.of()), "", "", 1, "test");
    long before = liveHeap();
    RunOutputWriter writer = new RunOutputWriter(tmp);
    SimulationEngine engine = new SimulationEngine(s, new ScenarioStageCosts(s.costs().stages()),
        new GradingTimes(s.grading().tasks(), s.grading().fallback()),
        new PoissonArrivals(WAITING + 1, 100, 1, "t"), header, writer);
    while (engine.arrivals() < WAITING + 1) {
      engine.advance(1); // event by event: stop before the first job ends, 1000 h later
    }
    long after = liveHeap();
    double perWaiting = (after - before) / (double) WAITING;
    System.out.printf("bytes per waiting submission (engine + output fold): %.1f%n", perWaiting);
    assertThat(writer.bufferedRows()).isEqualTo(WAITING + 1);
    // Measured 130 to 134 (G1, JDK 17), 230+ before rows, ids and limits were made compact.
    assertThat(perWaiting).isLessThanOrEqualTo(150);
    Reference.reachabilityFence(engine);
    writer.close();
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
