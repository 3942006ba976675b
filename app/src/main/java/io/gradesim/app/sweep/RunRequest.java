package io.gradesim.app.sweep;

import io.gradesim.files.Sha256;
import io.gradesim.simulator.costs.CostSetup;
import io.gradesim.simulator.event.SimEvent;
import io.gradesim.simulator.run.SimulationSetup;
import io.gradesim.simulator.scenario.ScenarioJson;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of a sweep as a message, identified by the hashes of its inputs and its seed, so that it
 * can later be sent to another node (plain strings and numbers only: Jackson binds it as it is,
 * {@code RunRequestTest}).
 *
 * @param runId the run's id, {@link #runId(String, String, String, String, long)}
 * @param traceSha256 SHA-256 of the trace file
 * @param scenarioSha256 SHA-256 of the resolved scenario (overrides and seed applied)
 * @param calibrationSha256 SHA-256 of the calibration profile ("" for none)
 * @param version gradesim's version, whose model produced the run
 * @param seed the run's seed
 * @param trace where the trace is, as the coordinator was given it
 * @param scenario where the scenario file is
 * @param overrides the scenario overrides ({@code --set})
 * @param calibration where the calibration profile is ("" for none)
 * @param out the run's output folder
 */
public record RunRequest(
    String runId,
    String traceSha256,
    String scenarioSha256,
    String calibrationSha256,
    String version,
    long seed,
    String trace,
    String scenario,
    List<String> overrides,
    String calibration,
    String out) {

  /** Copies the overrides. */
  public RunRequest {
    overrides = List.copyOf(overrides);
  }

  /**
   * The id of the run of these inputs: the SHA-256 (64 hex digits, within the journal's 100) of the
   * four input hashes (trace, scenario, calibration, version) and the seed, one per line. The same
   * inputs always give the same id, so a sweep run again finds its runs in the journal.
   */
  public static String runId(
      String traceSha256,
      String scenarioSha256,
      String calibrationSha256,
      String version,
      long seed) {
    return Sha256.ofText(
        "trace "
            + traceSha256
            + "\nscenario "
            + scenarioSha256
            + "\ncalibration "
            + calibrationSha256
            + "\nversion "
            + Sha256.ofText(version)
            + "\nseed "
            + seed
            + "\n");
  }

  /**
   * The id of the run of scenario {@code s} (loaded from {@code file} with its overrides) on the
   * trace of {@code scans} with {@code calibration} (may be null), as {@link SimulationSetup}
   * hashes them for the run's provenance.
   */
  public static String runId(
      SimulationSetup.Scans scans, ScenarioSettings s, Path file, Path calibration)
      throws IOException {
    return runId(
        scans.get().hash(),
        ScenarioJson.hash(s),
        CostSetup.of(s, calibration, file.toString()).calibrationHash(),
        SimulationSetup.version(),
        s.seed());
  }

  /** As below, the id derived from the hashes {@code p} was prepared with. */
  public static RunRequest of(
      SimulationSetup.Prepared p, Path file, List<String> overrides, Path calibration, Path dir) {
    SimEvent.RunStarted h = p.header();
    return of(
        runId(h.traceHash(), h.scenarioHash(), h.calibrationHash(), h.version(), h.seed()),
        p,
        file,
        overrides,
        calibration,
        dir);
  }

  /**
   * The request of the run {@code p} prepared from scenario {@code file} with {@code overrides}
   * (the seed among them, so a worker resolves the same scenario), writing into {@code dir}.
   */
  public static RunRequest of(
      String runId,
      SimulationSetup.Prepared p,
      Path file,
      List<String> overrides,
      Path calibration,
      Path dir) {
    return new RunRequest(
        runId,
        p.header().traceHash(),
        p.header().scenarioHash(),
        p.header().calibrationHash(),
        p.header().version(),
        p.header().seed(),
        p.header().traceFile(),
        file.toString(),
        overrides,
        calibration == null ? "" : calibration.toString(),
        dir.toString());
  }
}
