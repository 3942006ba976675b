package io.gradesim.simulator.run;

import io.gradesim.simulator.costs.CostSetup;
import io.gradesim.simulator.costs.RecordedRuntime;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.event.SimEventListener;
import io.gradesim.simulator.model.AdmissionPolicy;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.output.OutputSettings;
import io.gradesim.simulator.output.RunSummary;
import io.gradesim.simulator.scenario.ScenarioJson;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.traces.stats.RecordedOverhead;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prepares one run of a trace through a scenario file for a sweep: loads the scenario (with
 * overrides and seed), resolves the stage costs, surveys the trace and builds the RunStarted
 * provenance. Everything that can be wrong with the inputs fails here, before any output exists.
 * Commands that run scenarios ({@code simulate}, a comparison) share it.
 */
public final class SimulationSetup {
  private SimulationSetup() {}

  /**
   * A prepared run.
   *
   * @param scenario the resolved scenario
   * @param survey the trace's survey (hash, rows, grading sources)
   * @param header the RunStarted event the run will emit
   * @param spec the run for the sweep (app's {@code Sweeps})
   * @param result the finished run's summary, set when the run completed
   * @param costs the run's stage costs and their provenance (profile, per-stage sources, a note for
   *     the user such as "bundled literature profile used")
   */
  public record Prepared(
      ScenarioSettings scenario,
      TraceSurvey survey,
      SimEvent.RunStarted header,
      RunSpec spec,
      AtomicReference<RunSummary> result,
      CostSetup costs) {}

  /** The inputs of one run. */
  public record Inputs(
      Path trace,
      Path scenarioFile,
      List<String> overrides,
      Long seed,
      Path calibration,
      String runId,
      Path out) {
    /** Copies the overrides. */
    public Inputs {
      overrides = List.copyOf(overrides);
    }
  }

  /**
   * Prepares a run writing to {@code in.out()}, with {@code extra} listeners after the output fold
   * (a journal) and progress lines to {@code progress} (may be null).
   */
  public static Prepared prepare(Inputs in, List<SimEventListener> extra, PrintStream progress)
      throws IOException {
    return prepare(in, once(in.trace(), 0), extra, progress);
  }

  /** Where a run's {@link TraceScan} comes from: scanned at the first call, then shared. */
  @FunctionalInterface
  public interface Scans {
    /** The scan of the trace. */
    TraceScan get() throws IOException;
  }

  /**
   * The scan of {@code trace} made at the first {@link Scans#get()} and returned by every later
   * one, keeping the rows in memory within {@code budget} bytes (see {@link TraceScan#of}).
   */
  public static Scans once(Path trace, long budget) {
    TraceScan[] scan = new TraceScan[1];
    return () -> {
      synchronized (scan) {
        if (scan[0] == null) {
          scan[0] = TraceScan.of(trace, budget);
        }
        return scan[0];
      }
    };
  }

  /**
   * Like {@link #prepare(Inputs, List, PrintStream)} with the trace's scan from {@code scans}
   * (shared by the runs of a sweep; the scan's file must be {@code in.trace()}).
   */
  public static Prepared prepare(
      Inputs in, Scans scans, List<SimEventListener> extra, PrintStream progress)
      throws IOException {
    return prepare(in, scans, extra, progress, null, null);
  }

  /**
   * Like {@link #prepare(Inputs, Scans, List, PrintStream)}, the provenance naming the trace {@code
   * traceName} and the calibration profile {@code calibrationName} instead of their paths here
   * (null: the paths): a node of a cluster runs on its cached copies of the inputs, and the outputs
   * name them as the coordinator was given them.
   */
  public static Prepared prepare(
      Inputs in,
      Scans scans,
      List<SimEventListener> extra,
      PrintStream progress,
      String traceName,
      String calibrationName)
      throws IOException {
    if (Files.exists(in.out()) && !Files.isDirectory(in.out())) {
      throw new IllegalArgumentException("--out " + in.out() + " is a file, not a folder");
    }
    ScenarioSettings loaded = ScenarioLoader.load(in.scenarioFile(), in.overrides());
    ScenarioSettings seeded = in.seed() == null ? loaded : loaded.withSeed(in.seed());
    CostSetup setup = CostSetup.of(seeded, in.calibration(), in.scenarioFile().toString());
    StageCosts costs = setup.costs();
    String recorded = seeded.grading().recordedRuntime();
    RecordedOverhead overhead =
        recorded == null
            ? RecordedOverhead.NONE
            : RecordedRuntime.overhead(
                recorded, in.calibration(), in.scenarioFile() + ": grading.recorded-runtime");
    TraceSurvey survey = TraceSurvey.of(scans.get(), seeded, overhead);
    // The hash is of the scenario as written; the run (and its JSON) gets the resolved close.
    String scenarioHash = ScenarioJson.hash(seeded);
    ScenarioSettings s =
        seeded.admission() == AdmissionPolicy.CLOSED_LOOP && seeded.closedLoop().close() == null
            ? seeded.withClose(survey.scan().defaultClose())
            : seeded;
    if (survey.first() != null) {
      String why =
          OutputSettings.bucketProblem(
              ChronoUnit.MICROS.between(survey.first(), survey.last()), s.bucketS());
      if (why != null) {
        throw new IllegalArgumentException(in.scenarioFile() + ": output.bucket-s: " + why);
      }
    }
    SimEvent.RunStarted header =
        new SimEvent.RunStarted(
            0,
            in.runId() != null ? in.runId() : UUID.randomUUID().toString(),
            0,
            traceName != null ? traceName : in.trace().toString(),
            survey.hash(),
            in.scenarioFile().getFileName().toString(),
            scenarioHash,
            ScenarioJson.render(s, survey.sources(), setup.sources()),
            calibrationName != null && in.calibration() != null
                ? calibrationName
                : setup.calibrationFile(),
            setup.calibrationHash(),
            s.seed(),
            version());
    AtomicReference<RunSummary> result = new AtomicReference<>();
    RunSpec spec =
        new RunSpec(
            s.name() + "#" + s.seed(),
            () ->
                new SimulationRun(
                    in.trace(), s, costs, survey, header, in.out(), extra, progress, result::set));
    return new Prepared(s, survey, header, spec, result, setup);
  }

  /**
   * The stage costs a scenario asks for: none, its own, or sampled from {@code calibration} (null:
   * the bundled literature profile) for its runtime; see {@link CostSetup}.
   */
  public static StageCosts costs(ScenarioSettings s, Path scenarioFile, Path calibration)
      throws IOException {
    return CostSetup.of(s, calibration, scenarioFile.toString()).costs();
  }

  /** gradesim's version from the jar manifest, or "development". */
  public static String version() {
    String v = SimulationSetup.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
