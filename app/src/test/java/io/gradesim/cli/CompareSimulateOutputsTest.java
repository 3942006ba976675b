package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code compare --runs} over directories written by {@code simulate}, which holds no {@code
 * scenario.json}: every column comes from the runs' summaries and histogram logs.
 */
class CompareSimulateOutputsTest {

  @Test
  void showsEveryColumnOfSimulateOutputs(@TempDir Path tmp) throws Exception {
    Path trace = ReportFixtures.trace(tmp.resolve("trace.csv"));
    for (String s : List.of("small-runc", "small-crun")) {
      Path scenario = ReportFixtures.of("scenarios/" + s + ".conf");
      int exit =
          GradesimCommand.commandLine()
              .execute(
                  "simulate",
                  "--journal",
                  "none",
                  "--trace",
                  trace.toString(),
                  "--scenario",
                  scenario.toString(),
                  "--seed",
                  "4",
                  "--out",
                  tmp.resolve(s).toString());
      assertThat(exit).isZero();
      assertThat(tmp.resolve(s).resolve("scenario.json")).doesNotExist();
      assertThat(tmp.resolve(s).resolve("feedback.hlog")).isRegularFile();
    }

    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int exit =
        cl.execute(
            "compare",
            "--runs",
            tmp.resolve("small-runc") + "," + tmp.resolve("small-crun"),
            "--out",
            tmp.resolve("out").toString());

    assertThat(exit).as(out.toString()).isZero();
    List<String> table = out.toString().lines().toList();
    for (String run : List.of("small-runc", "small-crun")) {
      String line = table.stream().filter(l -> l.startsWith(run)).findFirst().orElseThrow();
      assertThat(line)
          .containsPattern(run + "\\s+1 x 2\\s+" + run.substring(6) + "\\s")
          .doesNotContain(" - ");
    }
    List<String> rows = Files.readAllLines(tmp.resolve("out/compare.csv"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("small-runc,1,2,runc,measured,").doesNotContain(",,");
    assertThat(rows.get(2)).startsWith("small-crun,1,2,crun,measured,").doesNotContain(",,");
  }
}
