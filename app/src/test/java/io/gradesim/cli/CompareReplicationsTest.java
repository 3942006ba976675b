package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.app.plan.Replications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReplicationsTest {

  @Test
  void runsEachScenarioWithIndependentSeedsAndShowsIntervals(@TempDir Path tmp) throws Exception {
    Path trace = ReportFixtures.trace(tmp.resolve("trace.csv"));
    Path runc = ReportFixtures.of("scenarios/small-runc.conf");
    Path crun = ReportFixtures.of("scenarios/small-crun.conf");
    Gradesim.Result r =
        Gradesim.run(
            "compare",
            "--trace",
            trace.toString(),
            "--replications",
            "4",
            "--slo",
            "feedback_p95 <= 1h",
            "--slo",
            "wait_p95 <= 1h",
            runc.toString(),
            crun.toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("feedback p95 mean [95 % CI]", "over 4 replications");
    for (String run : List.of("small-runc", "small-crun")) {
      for (int i = 1; i < 4; i++) {
        assertThat(tmp.resolve("out/runs").resolve(run + ".r" + i).resolve("summary.json"))
            .isRegularFile();
      }
    }
    String first = Files.readString(tmp.resolve("out/runs/small-runc/summary.json"));
    String second = Files.readString(tmp.resolve("out/runs/small-runc.r1/summary.json"));
    assertThat(second).contains("\"seed\" : " + Replications.seed(1, 1)).isNotEqualTo(first);
    List<String> csv = Files.readAllLines(tmp.resolve("out/compare.csv"));
    assertThat(csv.get(0)).contains("replications", "feedback_p95_s_upper_one_sided", "meets_slo");
    assertThat(csv.get(1)).contains(",4,0.950,").endsWith(",meets,true");
    assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("<h2>Replications</h2>");
  }

  @Test
  void oneReplicationKeepsTodaysOutputs(@TempDir Path tmp) throws Exception {
    Path trace = ReportFixtures.trace(tmp.resolve("trace.csv"));
    Path runc = ReportFixtures.of("scenarios/small-runc.conf");
    for (String form : List.of("plain", "replicated")) {
      List<String> args =
          new java.util.ArrayList<>(
              List.of("compare", "--trace", trace.toString(), runc.toString()));
      if (form.equals("replicated")) {
        args.addAll(List.of("--replications", "1", "--slo", "feedback_p95 <= 60s"));
      }
      args.addAll(List.of("--out", tmp.resolve(form).toString()));
      assertThat(Gradesim.run(args.toArray(String[]::new)).exit()).isZero();
    }
    for (String f : List.of("compare.csv", "report.html")) {
      assertThat(Files.readString(tmp.resolve("replicated").resolve(f)))
          .isEqualTo(Files.readString(tmp.resolve("plain").resolve(f)));
    }
  }

  @Test
  void aBadObjectiveIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
    Gradesim.Result r =
        Gradesim.run(
            "compare",
            "--trace",
            "t.csv",
            "--slo",
            "feedback_p95 <= 60",
            "x.conf",
            "--out",
            tmp.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("gradesim: --slo 'feedback_p95 <= 60': the limit needs a unit (ms, s, min, h)");
  }
}
