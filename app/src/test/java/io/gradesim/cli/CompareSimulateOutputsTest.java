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
 * {@code compare --runs} over directories written by {@code simulate}, which holds no
 * {@code scenario.json}: every column comes from the runs' summaries and histogram logs.
 */
class CompareSimulateOutputsTest {

  @Test
  void showsEveryColumnOfSimulateOutputs(@TempDir Path tmp) throws Exception {
    Path trace = tmp.resolve("trace.csv");
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task,users\n");
    for (int i = 0; i < 240; i++) {
      csv.append(String.format(java.util.Locale.ROOT,
          "s%d,2024-03-08T09:%02d:%02d.000Z,c,t%d,u%d%n", i, i * 4 / 60, i * 4 % 60, i % 3,
          i % 60));
    }
    Files.writeString(trace, csv);
    for (String s : List.of("small-runc", "small-crun")) {
      // The report module's fixtures, read from its source tree (not on this class path).
      Path scenario = Path.of("").toAbsolutePath().getParent()
          .resolve("report/src/test/resources/report/scenarios").resolve(s + ".conf");
      int exit = GradesimCommand.commandLine().execute("simulate", "--journal", "none",
          "--trace", trace.toString(), "--scenario", scenario.toString(), "--seed", "4",
          "--out", tmp.resolve(s).toString());
      assertThat(exit).isZero();
      assertThat(tmp.resolve(s).resolve("scenario.json")).doesNotExist();
      assertThat(tmp.resolve(s).resolve("feedback.hlog")).isRegularFile();
    }

    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int exit = cl.execute("compare", "--runs",
        tmp.resolve("small-runc") + "," + tmp.resolve("small-crun"),
        "--out", tmp.resolve("out").toString());

    assertThat(exit).as(out.toString()).isZero();
    List<String> table = out.toString().lines().toList();
    for (String run : List.of("small-runc", "small-crun")) {
      String line = table.stream().filter(l -> l.startsWith(run)).findFirst().orElseThrow();
      assertThat(line).containsPattern(run + "\\s+1 x 2\\s+" + run.substring(6) + "\\s")
          .doesNotContain(" - ");
    }
    List<String> rows = Files.readAllLines(tmp.resolve("out/compare.csv"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("small-runc,1,2,runc,measured,").doesNotContain(",,");
    assertThat(rows.get(2)).startsWith("small-crun,1,2,crun,measured,").doesNotContain(",,");
  }
}
