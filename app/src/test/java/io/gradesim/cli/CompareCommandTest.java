package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  private static Path resource(String r) {
    return ReportFixtures.of(r);
  }

  @Test
  void writesCsvAndPageFromFinishedRuns(@TempDir Path tmp) throws Exception {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int exit =
        cl.execute(
            "compare",
            "--runs",
            resource("runs/runc-4x8") + "," + resource("runs/crun-4x8"),
            "--calibration",
            resource("profile.json").toString(),
            "--slo-p95",
            "8",
            "--out",
            tmp.resolve("out").toString());
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("crun-4x8  4 x 8", "report.html written");
    assertThat(Files.readAllLines(tmp.resolve("out/compare.csv"))).hasSize(3);
    assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("crun-4x8");
  }

  @Test
  void replaysEveryScenarioOnTheTraceThenWritesTheReport(@TempDir Path tmp) throws Exception {
    Path trace = ReportFixtures.trace(tmp.resolve("trace.csv"));
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int exit =
        cl.execute(
            "compare",
            "--trace",
            trace.toString(),
            "--parallel",
            "2",
            resource("scenarios/small-runc.conf").toString(),
            resource("scenarios/small-crun.conf").toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(exit).as(out.toString()).isZero();
    for (String run : new String[] {"small-runc", "small-crun"}) {
      assertThat(tmp.resolve("out/runs").resolve(run).resolve("summary.json")).isRegularFile();
      assertThat(tmp.resolve("out/runs").resolve(run).resolve("scenario.json")).isRegularFile();
    }
    List<String> rows = Files.readAllLines(tmp.resolve("out/compare.csv"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("small-runc,1,2,runc,measured,");
    assertThat(rows.get(2)).startsWith("small-crun,1,2,crun,measured,");
    // crun's cheaper start and exec shorten every job: its p95 feedback is lower.
    assertThat(p95(rows.get(2))).isLessThan(p95(rows.get(1)));
  }

  @Test
  void refusesAScenarioThatCannotRunBeforeAnyRunStarts(@TempDir Path tmp) throws Exception {
    Path trace = tmp.resolve("trace.csv");
    Files.writeString(
        trace, "id,submitted_at,course,task,users\n" + "s0,2024-03-08T09:00:00.000Z,c,t0,u0\n");
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "compare",
            "--trace",
            trace.toString(),
            resource("scenarios/small-runc.conf").toString(),
            resource("scenarios/small-profile.conf").toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("small-profile.conf: runtime: 'runc' is not in the" + " calibration profile");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  private static double p95(String csvRow) {
    return Double.parseDouble(csvRow.split(",")[7]);
  }

  @Test
  void refusesBothFormsAtOnce(@TempDir Path tmp) {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "compare",
            "--runs",
            tmp.toString(),
            "--trace",
            "t.csv",
            "--out",
            tmp.resolve("out").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("give either --runs or --trace");
  }

  @Test
  void namesTheMissingRunFileAndExitsWithTwo(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int exit =
        cl.execute(
            "compare",
            "--runs",
            tmp.resolve("empty").toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("gradesim: ").contains("summary.json: missing");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
