package io.gradesim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.bench.BenchWorkload;
import io.gradesim.simulator.event.SimEventListener;
import org.junit.jupiter.api.Test;

/** The engine holds the submissions in flight, never the trace. */
class StreamingMemoryTest {

  @Test
  void jobTableFollowsTheSubmissionsInFlightNotTheTraceLength() {
    BenchWorkload w = new BenchWorkload(300_000, 40);
    SimulationEngine engine = w.engine(3, SimEventListener.NONE);
    engine.run();
    assertThat(engine.arrivals()).isEqualTo(300_000);
    // load 0.9 on 40 slots: a few hundred in flight at the worst moment, not the 300,000 of the
    // trace
    assertThat(engine.peakInFlight()).isBetween(40, 2_000);
  }
}
