package io.gradesim.simulator.report;

import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.ScenarioStageCosts;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.SimulationRun;
import io.gradesim.simulator.run.Sweeps;
import io.gradesim.simulator.run.TraceSurvey;
import io.gradesim.simulator.scenario.ScenarioJson;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays one trace through several scenarios in parallel (h-sim's {@link Sweeps} runner, one
 * actor per run) into {@code out/runs/<scenario>/}, as {@code gradesim simulate} would run each
 * one, and writes each run's resolved scenario beside its outputs as {@code scenario.json}. A
 * progress bar follows the submissions that have arrived, summed over the runs.
 */
public final class ScenarioSweep {
  private static final int PROGRESS_BATCH = 1024;

  private ScenarioSweep() {}

  /** One scenario to run: its file and the settings loaded from it. */
  private record Planned(Path file, ScenarioSettings settings, TraceSurvey survey, Path dir) {}

  /**
   * Runs every scenario file on {@code trace}; returns the run directories in the order given.
   * Fails (after the other runs end) when a run fails, naming the scenario and the reason.
   */
  public static List<Path> run(Path trace, Path calibration, List<Path> scenarios, Path out,
      int parallelism, String version, ProgressBar.Factory bars) throws IOException {
    List<Planned> plan = plan(trace, scenarios, out);
    String calibrationHash = calibration == null ? "" : TraceSurvey.sha256(calibration);
    long total = plan.stream().mapToLong(p -> p.survey().submissions()).sum();
    ProgressBar bar = bars.create("replaying " + plan.size() + " scenarios", total);
    List<RunSpec> specs = new ArrayList<>();
    for (Planned p : plan) {
      ScenarioSettings s = p.settings();
      SimEvent.RunStarted header = new SimEvent.RunStarted(0, s.name() + "#" + s.seed(), 0,
          trace.toString(), p.survey().hash(), p.file().getFileName().toString(),
          ScenarioJson.hash(s), ScenarioJson.render(s, p.survey().sources()),
          calibration == null ? "" : calibration.toString(), calibrationHash, s.seed(), version);
      specs.add(new RunSpec(s.name(), () -> {
        Files.createDirectories(p.dir());
        Files.writeString(p.dir().resolve("scenario.json"), header.scenarioJson() + "\n",
            StandardCharsets.UTF_8);
        return new SimulationRun(trace, s, costs(p), p.survey(), header, p.dir(),
            List.of(arrivals(bar)), null);
      }));
    }
    List<RunOutcome> outcomes = Sweeps.run(specs, parallelism);
    bar.finish();
    List<String> failed = new ArrayList<>();
    for (RunOutcome o : outcomes) {
      if (o instanceof RunOutcome.Failed f) {
        failed.add(f.label() + ": " + f.reason());
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("compare: " + failed.size() + " of " + outcomes.size()
          + " runs failed, no report written: " + String.join("; ", failed));
    }
    return plan.stream().map(Planned::dir).toList();
  }

  private static List<Planned> plan(Path trace, List<Path> scenarios, Path out)
      throws IOException {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("compare: no scenario files given");
    }
    List<Planned> plan = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    for (Path file : scenarios) {
      ScenarioSettings s = ScenarioLoader.load(file, List.of());
      Path clash = names.putIfAbsent(s.name(), file);
      if (clash != null) {
        throw new IllegalArgumentException(file + ": scenario name '" + s.name()
            + "' is also the name of " + clash + ": rename one file");
      }
      plan.add(new Planned(file, s, TraceSurvey.of(trace, s), out.resolve("runs")
          .resolve(s.name())));
    }
    return plan;
  }

  /** The scenario's stage costs, as {@code gradesim simulate} resolves them. */
  private static StageCosts costs(Planned p) {
    return switch (p.settings().costs().kind()) {
      case NONE -> StageCosts.NONE;
      case GIVEN -> new ScenarioStageCosts(p.settings().costs().stages());
      case PROFILE -> throw new IllegalArgumentException(p.file() + ": costs = profile: stage "
          + "costs from a calibration profile are not available to runs yet; give costs in the "
          + "scenario");
    };
  }

  /** Advances {@code bar} by the submissions arriving in one run, in batches. */
  private static SimEventListener arrivals(ProgressBar bar) {
    long[] pending = {0};
    return e -> {
      if (e instanceof SimEvent.SubmissionArrived && ++pending[0] == PROGRESS_BATCH) {
        bar.add(pending[0]);
        pending[0] = 0;
      } else if (e instanceof SimEvent.RunFinished) {
        bar.add(pending[0]);
        pending[0] = 0;
      }
    };
  }
}
