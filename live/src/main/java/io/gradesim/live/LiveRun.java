package io.gradesim.live;

import io.gradesim.probes.runtime.Runtime;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.Submission;
import java.nio.file.Path;
import java.util.List;

/**
 * What a live run replays, on what, and where its outputs go.
 *
 * @param trace the submissions in arrival order, each with its {@code grading_ms}
 * @param scenario the scenario whose pool and environments the live pool takes
 * @param runtime the container runtime of every submission's container
 * @param header the run's provenance, as the simulator would write it (its epoch is set here)
 * @param out the output directory
 */
public record LiveRun(
    List<Submission> trace,
    ScenarioSettings scenario,
    Runtime runtime,
    SimEvent.RunStarted header,
    Path out) {
  /** Copies the trace. */
  public LiveRun {
    trace = List.copyOf(trace);
  }
}
