package io.gradesim.app.sweep;

import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import java.io.IOException;
import java.util.List;

/**
 * Where a scenario sweep's runs run: in this process ({@link Sweeps}) or on a cluster. Each run is
 * given both ways: as the spec to run here and as the request naming its inputs by hash; outcomes
 * come back in the order given, each run's outputs in its request's {@code out} folder.
 */
@FunctionalInterface
public interface SweepRunner {
  /** Runs them; returns their outcomes in order. */
  List<RunOutcome> run(List<RunSpec> specs, List<RunRequest> requests) throws IOException;
}
