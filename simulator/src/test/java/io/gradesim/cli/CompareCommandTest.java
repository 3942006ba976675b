package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  private static Path resource(String r) throws URISyntaxException {
    return Path.of(CompareCommandTest.class.getResource("/report/" + r).toURI());
  }

  @Test
  void writesCsvAndPageFromFinishedRuns(@TempDir Path tmp) throws Exception {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int exit = cl.execute("compare", "--runs",
        resource("runs/runc-4x8") + "," + resource("runs/crun-4x8"),
        "--calibration", resource("profile.json").toString(), "--slo-p95", "8",
        "--out", tmp.resolve("out").toString());
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("crun-4x8  4 x 8", "report.html written");
    assertThat(Files.readAllLines(tmp.resolve("out/compare.csv"))).hasSize(3);
    assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("crun-4x8");
  }

  @Test
  void namesTheMissingRunFileAndExitsWithTwo(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute("compare", "--runs", tmp.resolve("empty").toString(), "--out",
        tmp.resolve("out").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("gradesim: ").contains("summary.json: missing");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
