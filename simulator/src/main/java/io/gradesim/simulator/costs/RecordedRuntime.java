package io.gradesim.simulator.costs;

import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCostSampler;
import io.gradesim.probes.jfr.Stage;
import io.gradesim.traces.stats.RecordedOverhead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The container overhead per job of the platform that recorded a trace, from its runtime's stage
 * costs in a calibration profile: the sum of the medians at concurrency 1 of the stages an
 * INGInious docker agent performs around a grading job ({@link Stage#SIMULATED}: create, start,
 * exec, remove; {@code inginious/agent/docker_agent/__init__.py} holds the slot through all of
 * them), for the stages the profile has. Quiet sojourns met an otherwise idle agent, hence
 * concurrency 1. The result is plain numbers ({@link RecordedOverhead}) for the trace module.
 */
public final class RecordedRuntime {
  private RecordedRuntime() {}

  /**
   * The overhead of {@code runtime} from {@code calibration} (null: the bundled literature
   * profile); {@code key} names the option or scenario key in errors.
   */
  public static RecordedOverhead overhead(String runtime, Path calibration, String key)
      throws IOException {
    if (calibration != null && !Files.isRegularFile(calibration)) {
      throw new IllegalArgumentException(
          calibration + ": --calibration: no calibration profile here");
    }
    CalibrationProfile profile =
        calibration == null
            ? CalibrationProfile.bundledLiterature()
            : CalibrationProfile.load(calibration);
    String from = calibration == null ? CostSetup.BUNDLED : calibration.getFileName().toString();
    return overhead(new StageCostSampler(profile), runtime, from, key);
  }

  /**
   * The overhead of {@code runtime} from {@code sampler}, described as coming from {@code from}.
   */
  public static RecordedOverhead overhead(
      StageCostSampler sampler, String runtime, String from, String key) {
    if (!sampler.stages().containsKey(runtime)) {
      throw new IllegalArgumentException(
          key
              + ": '"
              + runtime
              + "' is not in the calibration profile "
              + from
              + "; the profile has: "
              + String.join(", ", sampler.stages().keySet()));
    }
    double us = 0;
    StringBuilder detail = new StringBuilder();
    for (Stage s : ProfileStageCosts.CHARGED) {
      if (!sampler.has(runtime, s.label())) {
        continue;
      }
      double median = sampler.quantileMicros(runtime, s.label(), null, 1, 0.5);
      us += median;
      detail.append(detail.length() == 0 ? "" : " + ");
      detail.append(s.label()).append(' ').append(ms(median));
    }
    detail
        .append(" ms, medians at concurrency 1 (")
        .append(sampler.source(runtime))
        .append(", ")
        .append(from)
        .append(')');
    return RecordedOverhead.of(runtime, us / 1000, detail.toString());
  }

  private static String ms(double us) {
    return String.format(Locale.ROOT, "%.1f", us / 1000);
  }
}
