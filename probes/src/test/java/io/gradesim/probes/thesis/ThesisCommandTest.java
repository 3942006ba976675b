package io.gradesim.probes.thesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.cli.ProbeCommand;
import io.gradesim.traces.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ThesisCommandTest {
  static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new ProbeCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("gradesim: " + e.getMessage());
          return 2;
        });
    return cl.execute(args);
  }

  @Test
  void probeThesisPrintsEveryConfigurationAndWritesThesisMd(@TempDir Path dir) throws Exception {
    Path thesis = SharedData.require(ThesisDataTest.FOLDER);
    Path results = Files.createDirectories(dir.resolve("probe"));
    ThesisComparisonTest.probeCsv(results);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        run(
            out,
            err,
            "thesis",
            "--thesis",
            thesis.toString(),
            "--results",
            results.toString(),
            "--out",
            dir.resolve("cmp").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().lines().filter(l -> l.contains(" Exec "))).hasSize(73);
    assertThat(out.toString()).contains("docker-grading-runc-overlay (docker-runc)");
    String md = Files.readString(dir.resolve("cmp/THESIS.md"));
    assertThat(md).contains("## Findings").contains("| lxd-centos-lxc-dir |");
  }

  @Test
  void missingResultsAreOneLineNamingTheFile(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code =
        run(
            new StringWriter(),
            err,
            "thesis",
            "--thesis",
            SharedData.require(ThesisDataTest.FOLDER).toString(),
            "--results",
            dir.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "gradesim: "
                + dir.resolve("probe.csv")
                + ": no probe results (run gradesim"
                + " probe --out "
                + dir
                + " or probe --matrix thesis --out "
                + dir
                + " first)");
  }
}
