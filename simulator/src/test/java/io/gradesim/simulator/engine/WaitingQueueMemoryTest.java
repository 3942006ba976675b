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
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a waiting submission costs a run, engine and output fold together: 200,000 submissions
 * (1,000 a second) queued behind one slot busy for 30 minutes. Two figures, both the whole growth
 * over 200,000 with fixed buffers included: the bytes of live objects (the JVM's class histogram,
 * after its full collection), and the heap in use after full collections, which adds G1's rounding
 * of large arrays up to whole regions.
 */
class WaitingQueueMemoryTest {
  private static final int WAITING = 200_000;

  @Test
  void aQueueOfTwoHundredThousandWaitingSubmissionsCostsAboutOneHundredBytesEach(@TempDir Path tmp)
      throws Exception {
    ScenarioSettings s =
        ScenarioLoader.parse(
            "agents = 1\ncores = 1\nslots = 1\n" + "grading.default = 30m\n", "waiting", List.of());
    SimEvent.RunStarted header =
        new SimEvent.RunStarted(
            0,
            "waiting",
            0,
            "poisson",
            "",
            s.name(),
            "",
            ScenarioJson.render(s, Map.of()),
            "",
            "",
            1,
            "test");
    long before = liveHeap();
    long objectsBefore = liveObjectBytes();
    RunOutputWriter writer = new RunOutputWriter(tmp);
    SimulationEngine engine =
        new SimulationEngine(
            s,
            new ScenarioStageCosts(s.costs().stages()),
            new GradingTimes(s.grading().tasks(), s.grading().fallback()),
            new PoissonArrivals(WAITING + 1, 1000, 1, "t"),
            header,
            writer);
    while (engine.arrivals() < WAITING + 1) {
      engine.advance(1); // event by event: stop before the first job ends, 30 min later
    }
    double perWaiting = (liveHeap() - before) / (double) WAITING;
    double objects = (liveObjectBytes() - objectsBefore) / (double) WAITING;
    System.out.printf(
        "bytes per waiting submission (engine + output fold): %.1f of live"
            + " objects, %.1f of heap in use%n",
        objects, perWaiting);
    assertThat(writer.bufferedRows()).isEqualTo(WAITING + 1);
    // Measured: 92 of live objects, 113 to 115 of heap in use (G1, JDK 17); 132 of heap before
    // tokens, result, priority and demand were made compact, 230+ before rows, ids and limits.
    assertThat(objects).isLessThanOrEqualTo(100);
    assertThat(perWaiting).isLessThanOrEqualTo(125);
    Reference.reachabilityFence(engine);
    writer.close();
  }

  /** The bytes of live objects, from the class histogram (which runs a full collection). */
  private static long liveObjectBytes() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    String histogram =
        (String)
            server.invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
    String[] lines = histogram.strip().split("\n");
    String[] total = lines[lines.length - 1].trim().split("\\s+");
    assertThat(total[0]).isEqualTo("Total");
    return Long.parseLong(total[2]);
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
