package io.gradesim.simulator.costs;

import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCostSampler;
import io.gradesim.files.Sha256;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.simulator.model.ScenarioStageCosts;
import io.gradesim.simulator.model.StageCosts;
import io.gradesim.simulator.scenario.ScenarioSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stage costs a run uses and their provenance.
 *
 * @param costs what the engine samples
 * @param calibrationFile the profile's path, {@value #BUNDLED} for the bundled literature profile,
 *     or "" when no profile is used
 * @param calibrationHash SHA-256 of the profile's bytes, or ""
 * @param sources for {@code costs = profile}: {@code runtime} (the runtime's source, measured or
 *     literature) and each stage to its source, or {@code absent} (costs 0); empty otherwise
 * @param note a line for the user, e.g. that the bundled literature profile was used, or ""
 */
public record CostSetup(
    StageCosts costs,
    String calibrationFile,
    String calibrationHash,
    Map<String, String> sources,
    String note) {

  /** The name of the bundled literature profile in provenance. */
  public static final String BUNDLED = "bundled:literature.json";

  /** Copies the map. */
  public CostSetup {
    sources = Map.copyOf(sources);
  }

  /**
   * Resolves the costs of {@code s}; {@code calibration} may be null ({@code costs = profile} then
   * uses the bundled literature profile). {@code scenarioFile} names errors.
   */
  public static CostSetup of(ScenarioSettings s, Path calibration, String scenarioFile)
      throws IOException {
    if (calibration != null && !java.nio.file.Files.isRegularFile(calibration)) {
      throw new IllegalArgumentException(
          calibration
              + ": --calibration: no calibration profile"
              + " here (make one with ./gradesim calibrate)");
    }
    String hash = calibration == null ? "" : Sha256.ofFile(calibration);
    String file = calibration == null ? "" : calibration.toString();
    return switch (s.costs().kind()) {
      case NONE -> new CostSetup(StageCosts.NONE, file, hash, Map.of(), "");
      case GIVEN ->
          new CostSetup(new ScenarioStageCosts(s.costs().stages()), file, hash, Map.of(), "");
      case PROFILE -> fromProfile(s, calibration, scenarioFile);
    };
  }

  private static CostSetup fromProfile(ScenarioSettings s, Path calibration, String scenarioFile)
      throws IOException {
    CalibrationProfile profile;
    String file;
    String hash;
    String note = "";
    if (calibration != null) {
      profile = CalibrationProfile.load(calibration);
      file = calibration.toString();
      hash = Sha256.ofFile(calibration);
    } else {
      byte[] bytes = bundledBytes();
      profile = CalibrationProfile.bundledLiterature();
      file = BUNDLED;
      hash = Sha256.of(bytes);
      note =
          "costs = profile without --calibration: stage costs from the bundled literature"
              + " profile (published figures, not measured on this host)";
    }
    StageCostSampler sampler = new StageCostSampler(profile);
    String runtime = s.runtime();
    if (!sampler.stages().containsKey(runtime)) {
      StringBuilder have = new StringBuilder();
      sampler
          .stages()
          .forEach(
              (r, st) ->
                  have.append(have.length() == 0 ? "" : ", ")
                      .append(r)
                      .append(" (")
                      .append(sampler.source(r))
                      .append(')'));
      throw new IllegalArgumentException(
          scenarioFile
              + ": runtime: '"
              + runtime
              + "' is not in the calibration profile "
              + file
              + "; the profile has: "
              + (have.length() == 0 ? "nothing" : have)
              + (calibration == null ? " (give a measured profile with --calibration)" : ""));
    }
    ProfileStageCosts costs = new ProfileStageCosts(sampler, runtime);
    Map<String, String> sources = new TreeMap<>();
    String source = sampler.source(runtime);
    sources.put("runtime", source);
    for (Stage st : Stage.SIMULATED) {
      sources.put(st.label(), costs.has(st) ? source : "absent");
    }
    if (costs.has(Stage.STOP)) {
      sources.put(Stage.STOP.label(), source);
    }
    if (costs.opCpuFraction() > 0) {
      sources.put(
          "op_cpu",
          String.format(
              java.util.Locale.ROOT,
              "%.3f of each operation is CPU work on the agent's cores",
              costs.opCpuFraction()));
    }
    return new CostSetup(costs, file, hash, sources, note);
  }

  private static byte[] bundledBytes() throws IOException {
    try (InputStream in =
        CalibrationProfile.class.getResourceAsStream(CalibrationProfile.LITERATURE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + CalibrationProfile.LITERATURE_RESOURCE);
      }
      return in.readAllBytes();
    }
  }
}
