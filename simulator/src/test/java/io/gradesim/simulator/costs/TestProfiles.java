package io.gradesim.simulator.costs;

import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.Fit;
import io.gradesim.calibration.model.StageCost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Calibration profiles built in tests: lognormal measured rows of given medians. */
public final class TestProfiles {
  private TestProfiles() {}

  /** A measured row: lognormal of median {@code medianMs}, sigma 0.2, at concurrency {@code c}. */
  public static StageCost row(String runtime, String stage, int c, double medianMs) {
    double us = medianMs * 1000;
    Fit fit =
        new Fit("lognormal", new TreeMap<>(Map.of("mu", Math.log(us), "sigma", 0.2)), null, null);
    return new StageCost(
        runtime,
        stage,
        "true",
        c,
        StageCost.MEASURED,
        30,
        0,
        false,
        us,
        null,
        null,
        null,
        null,
        null,
        fit,
        null,
        null,
        null,
        "test.jfr sha256:00",
        null);
  }

  /**
   * Rows for {@code runtime}: create, start, exec, remove at concurrency 1 of the given medians
   * (ms), and twice as slow at concurrency 8.
   */
  public static List<StageCost> runtime(
      String runtime, double create, double start, double exec, double remove) {
    List<StageCost> rows = new ArrayList<>();
    String[] stages = {"create", "start", "exec", "remove"};
    double[] ms = {create, start, exec, remove};
    for (int i = 0; i < stages.length; i++) {
      rows.add(row(runtime, stages[i], 1, ms[i]));
      rows.add(row(runtime, stages[i], 8, 2 * ms[i]));
    }
    return rows;
  }

  /**
   * A measured profile of every probe-named runtime the bundled scenarios use (runc slower than
   * crun, gVisor slowest), merged with the bundled literature rows; saved to {@code file}.
   */
  public static Path allRuntimes(Path file) throws IOException {
    List<StageCost> rows = new ArrayList<>();
    rows.addAll(runtime("docker-runc", 90, 550, 350, 60));
    rows.addAll(runtime("docker-crun", 90, 300, 120, 50));
    rows.addAll(runtime("podman-crun", 120, 350, 150, 70));
    rows.addAll(runtime("docker-runsc", 150, 800, 400, 90));
    CalibrationProfile.of(null, null, rows)
        .merge(CalibrationProfile.bundledLiterature())
        .save(file);
    return file;
  }
}
