package io.gradesim.app.sweep;

import io.gradesim.files.progress.ProgressBar;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.run.RunOutcome;
import io.gradesim.simulator.run.RunSpec;
import io.gradesim.simulator.run.SimulationSetup;
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
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Replays one trace through several scenarios in parallel into {@code out/runs/<scenario>/}: each
 * run is prepared as {@code gradesim simulate} prepares one ({@link SimulationSetup}, so bad inputs
 * fail before any run starts) and driven by the simulator's {@link Sweeps} runner. Each run's
 * resolved scenario is written beside its outputs as {@code scenario.json}. A progress bar follows
 * the submissions that have arrived, summed over the runs.
 */
public final class ScenarioSweep {
  /** The sub-folder of the output directory that holds one folder per replayed scenario. */
  public static final String RUNS = "runs";

  private static final int PROGRESS_BATCH = 1024;

  private ScenarioSweep() {}

  /**
   * Runs every scenario file on {@code trace} in {@code system}; returns the run directories in the
   * order given. Fails (after the other runs end) when a run fails, naming the scenario and the
   * reason.
   */
  public static List<Path> run(
      ActorSystem<?> system,
      Path trace,
      Path calibration,
      List<Path> scenarios,
      Path out,
      int parallelism,
      ProgressBar.Factory bars)
      throws IOException {
    return run(system, trace, calibration, scenarios, List.of(), out, parallelism, bars);
  }

  /**
   * As {@link #run(ActorSystem, Path, Path, List, Path, int, ProgressBar.Factory)} with scenario
   * overrides.
   */
  public static List<Path> run(
      ActorSystem<?> system,
      Path trace,
      Path calibration,
      List<Path> scenarios,
      List<String> overrides,
      Path out,
      int parallelism,
      ProgressBar.Factory bars)
      throws IOException {
    return run(system, trace, calibration, scenarios, overrides, out, parallelism, bars, null);
  }

  /**
   * As {@link #run(ActorSystem, Path, Path, List, List, Path, int, ProgressBar.Factory,
   * SweepJournal)} with the runs in this process, {@code parallelism} at a time.
   */
  public static List<Path> run(
      ActorSystem<?> system,
      Path trace,
      Path calibration,
      List<Path> scenarios,
      List<String> overrides,
      Path out,
      int parallelism,
      ProgressBar.Factory bars,
      SweepJournal journal)
      throws IOException {
    return run(
        trace,
        calibration,
        scenarios,
        overrides,
        out,
        bars,
        journal,
        (specs, requests) -> Sweeps.run(system, specs, parallelism));
  }

  /**
   * As {@link #run(ActorSystem, Path, Path, List, List, Path, int, ProgressBar.Factory)}, the runs
   * done by {@code runner} (here or on a cluster), each run recorded in {@code journal} (null:
   * none) under its {@link RunRequest#runId}: a run the journal holds as finished is not run again
   * (its outputs are kept, or exported from the journal), an unfinished one resumes.
   */
  public static List<Path> run(
      Path trace,
      Path calibration,
      List<Path> scenarios,
      List<String> overrides,
      Path out,
      ProgressBar.Factory bars,
      SweepJournal journal,
      SweepRunner runner)
      throws IOException {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("compare: no scenario files given");
    }
    ProgressBar[] bar = new ProgressBar[1]; // made once the surveys have counted the rows
    List<SimulationSetup.Prepared> runs = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    List<Path> todo = new ArrayList<>(); // the folders of the runs to run now
    List<RunSpec> specs = new ArrayList<>();
    List<RunRequest> requests = new ArrayList<>();
    Map<String, Path> names = new HashMap<>();
    // One scan of the trace for every scenario; its rows stay in memory for all the runs when
    // they take at most a sixth of the heap.
    SimulationSetup.Scans scans = SimulationSetup.once(trace, Runtime.getRuntime().maxMemory() / 6);
    for (Path file : scenarios) {
      ScenarioSettings s = ScenarioLoader.load(file, overrides);
      Path clash = names.putIfAbsent(s.name(), file);
      if (clash != null) {
        throw new IllegalArgumentException(
            file
                + ": scenario name '"
                + s.name()
                + "' is also the name of "
                + clash
                + ": rename one file");
      }
      Path dir = out.resolve(RUNS).resolve(s.name());
      dirs.add(dir);
      String runId = RunRequest.runId(scans, s, file, calibration);
      String id = s.name() + "#" + s.seed();
      List<SimEventListener> listeners = new ArrayList<>(List.of(arrivals(bar)));
      SweepJournal.Recording recording = null;
      if (journal != null) {
        id = runId;
        if (journal.finished(id, dir)) {
          continue; // finished by an earlier attempt of this sweep: never run twice
        }
        recording = journal.recording(id);
        listeners.add(recording);
      }
      SimulationSetup.Prepared p =
          SimulationSetup.prepare(
              new SimulationSetup.Inputs(trace, file, overrides, null, calibration, id, dir),
              scans,
              listeners,
              null);
      runs.add(p);
      todo.add(dir);
      specs.add(recording == null ? p.spec() : SweepJournal.journaled(p.spec(), recording));
      requests.add(RunRequest.of(runId, p, file, overrides, calibration, dir));
    }
    long total = runs.stream().mapToLong(p -> p.survey().submissions()).sum();
    bar[0] = bars.create("replaying " + runs.size() + " scenarios", total);
    for (int i = 0; i < runs.size(); i++) {
      Files.createDirectories(todo.get(i));
      Files.writeString(
          todo.get(i).resolve("scenario.json"),
          runs.get(i).header().scenarioJson() + "\n",
          StandardCharsets.UTF_8);
    }
    List<RunOutcome> outcomes;
    try {
      outcomes = runner.run(specs, requests);
    } catch (RuntimeException | Error e) {
      removeUnfinished(dirs);
      throw e;
    }
    bar[0].finish();
    List<String> failed = new ArrayList<>();
    for (RunOutcome o : outcomes) {
      if (o instanceof RunOutcome.Failed f) {
        failed.add(f.label() + ": " + f.reason());
      }
    }
    if (!failed.isEmpty()) {
      removeUnfinished(dirs);
      throw new IllegalStateException(
          "compare: "
              + failed.size()
              + " of "
              + outcomes.size()
              + " runs failed, no report written: "
              + String.join("; ", failed));
    }
    return dirs;
  }

  /**
   * Removes what this sweep wrote for runs that did not finish (their scenario.json; the runs
   * removed their own partial outputs), and their folders once empty. Finished runs stay.
   */
  private static void removeUnfinished(List<Path> dirs) {
    for (Path dir : dirs) {
      try {
        if (!Files.exists(dir.resolve(RunOutputWriter.SUMMARY))) {
          Files.deleteIfExists(dir.resolve("scenario.json"));
          deleteIfEmpty(dir);
        }
        deleteIfEmpty(dir.getParent());
      } catch (IOException e) {
        // Best effort on the way out: the run's failure is what the user must see.
      }
    }
  }

  private static void deleteIfEmpty(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(dir);
        }
      }
    }
  }

  /** Advances {@code bar[0]} by the submissions arriving in one run, in batches. */
  private static SimEventListener arrivals(ProgressBar[] bar) {
    long[] pending = {0};
    return e -> {
      if (e instanceof SimEvent.SubmissionArrived && ++pending[0] == PROGRESS_BATCH) {
        bar[0].add(pending[0]);
        pending[0] = 0;
      } else if (e instanceof SimEvent.RunFinished) {
        bar[0].add(pending[0]);
        pending[0] = 0;
      }
    };
  }
}
