package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.calibration.model.CalibrationProfile;
import io.gradesim.calibration.model.StageCost;
import io.gradesim.simulator.costs.TestProfiles;
import io.gradesim.traces.testing.SharedData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled scenarios on the sample INGInious exam (the demo's bundled copy, else the shared
 * one): runtime swap and autoscaling.
 */
class SampleExamScenariosTest {
  @TempDir static Path dir;
  static Path exam;

  /** The sample exam bundled for the demo when on the class path, else the shared copy. */
  static Path sampleExport() throws URISyntaxException {
    URL bundled = SampleExamScenariosTest.class.getResource("/io/gradesim/demo/inginious-exam");
    if (bundled != null && bundled.getProtocol().equals("file")) {
      return Path.of(bundled.toURI());
    }
    return SharedData.require("samples/inginious-export");
  }

  @BeforeAll
  static void importExam() throws URISyntaxException {
    Path export = sampleExport();
    Path subs = export.resolve("submissions.json");
    if (!Files.exists(subs)) {
      subs = export.resolve("submissions.json.gz");
    }
    exam = dir.resolve("exam.csv");
    SimulateCommandTest.Result r =
        SimulateCommandTest.run(
            "trace",
            "import",
            "--format",
            "inginious",
            subs.toString(),
            "--tasks",
            export.resolve("tasks").toString(),
            "-o",
            exam.toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  static double feedbackP95(String scenario, Path calibration, String out) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--trace",
                exam.toString(),
                "--scenario",
                BundledScenariosTest.folder().resolve(scenario).toString(),
                "--out",
                dir.resolve(out).toString()));
    if (calibration != null) {
      args.addAll(List.of("--calibration", calibration.toString()));
    }
    SimulateCommandTest.Result r = SimulateCommandTest.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper()
        .readTree(dir.resolve(out).resolve("summary.json").toFile())
        .get("feedback_p95_s")
        .asDouble();
  }

  @Test
  void crunLowersFeedbackP95WithTheThesisLiteratureRows() throws IOException {
    double runc = feedbackP95("inginious-today.conf", null, "lit-runc");
    double crun = feedbackP95("runtime-crun.conf", null, "lit-crun");
    assertThat(crun).isLessThan(runc);
    // the thesis' start + exec medians differ by 0.52 s; p95 moves by about that much
    assertThat(runc - crun).isBetween(0.2, 1.0);
  }

  @Test
  void crunLowersFeedbackP95WithAMeasuredProfile() throws IOException {
    List<StageCost> rows = new ArrayList<>(TestProfiles.runtime("docker-runc", 90, 550, 350, 60));
    rows.addAll(TestProfiles.runtime("docker-crun", 90, 300, 120, 50));
    Path p = dir.resolve("measured.json");
    CalibrationProfile.of(null, null, rows).save(p);
    assertThat(feedbackP95("runtime-crun.conf", p, "m-crun"))
        .isLessThan(feedbackP95("inginious-today.conf", p, "m-runc"));
  }

  @Test
  void theAutoscaledPoolGrowsWithTheExamsArrivalRate() throws IOException {
    feedbackP95("autoscale.conf", null, "autoscale");
    List<String> lines = Files.readAllLines(dir.resolve("autoscale/timeseries.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    int agentsCol = header.indexOf("agents_up");
    int arrivalsCol = header.indexOf("arrivals");
    int n = lines.size() - 1;
    int[] agents = new int[n];
    int[] arrivals = new int[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      agents[i] = Integer.parseInt(f[agentsCol]);
      arrivals[i] = Integer.parseInt(f[arrivalsCol]);
    }
    int quiet = 0;
    for (int i = 0; i < 5; i++) {
      quiet = Math.max(quiet, agents[i]);
    }
    int busiest = 0;
    for (int i = 0; i < n; i++) {
      busiest = Math.max(busiest, agents[i]);
    }
    assertThat(busiest).isGreaterThan(quiet);
    // arrivals per minute against the agents up one bucket later (60 s provisioning delay)
    assertThat(correlation(arrivals, agents, 1)).isPositive();
    assertThat(agents[n - 1]).isEqualTo(1);
    // autoscaled agents are paid for: more than one agent over the run, 2 cores each
    com.fasterxml.jackson.databind.JsonNode summary =
        new ObjectMapper().readTree(dir.resolve("autoscale/summary.json").toFile());
    double hours = summary.get("duration_s").asDouble() / 3600;
    assertThat(summary.get("agent_hours").asDouble())
        .isGreaterThan(1.5 * hours)
        .isLessThan(8 * hours);
    assertThat(summary.get("core_hours").asDouble())
        .isCloseTo(
            2 * summary.get("agent_hours").asDouble(), org.assertj.core.data.Offset.offset(1e-5));
  }

  static double correlation(int[] x, int[] y, int lag) {
    int n = x.length - lag;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i + lag];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i + lag] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i + lag] - my) * (y[i + lag] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
