package io.gradesim.app.demo;

import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCostSampler;
import io.gradesim.simulator.scenario.ScenarioLoader;
import io.gradesim.simulator.scenario.ScenarioSettings;
import io.gradesim.simulator.scenario.ScenarioSettings.CostKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled plans the demo can compare against the profile it just calibrated: a plan whose costs
 * come from the profile needs its runtime there, measured or from a cited publication.
 *
 * @param kept the scenario files to compare, in the bundled order
 * @param leftOut scenario name to the reason it is left out
 */
record DemoPlans(List<Path> kept, Map<String, String> leftOut) {

  /** Splits {@code scenarios} by whether {@code profile} has costs for their runtime. */
  static DemoPlans against(List<Path> scenarios, Path profile) throws IOException {
    StageCostSampler sampler = new StageCostSampler(CalibrationProfile.load(profile));
    List<Path> kept = new ArrayList<>();
    Map<String, String> leftOut = new LinkedHashMap<>();
    for (Path file : scenarios) {
      ScenarioSettings s = ScenarioLoader.load(file, List.of());
      if (s.costs().kind() != CostKind.PROFILE || sampler.stages().containsKey(s.runtime())) {
        kept.add(file);
      } else {
        leftOut.put(
            s.name(),
            "runtime '"
                + s.runtime()
                + "' was not measured here and has"
                + " no published (literature) figures in "
                + profile.getFileName());
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalStateException(
          profile + ": no bundled plan has stage costs in this" + " profile");
    }
    return new DemoPlans(List.copyOf(kept), leftOut);
  }
}
