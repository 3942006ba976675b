package io.gradesim.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.cli.GradesimCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench plan} runs plan in a fresh JVM on the bundled exam grown by trace scale and prints
 * its figures: the wall time (not checked: tests never assert on speed), the candidates evaluated
 * of the space's, the runs and the target's verdict. A 2-candidate space with R = 2 at 2x keeps it
 * short.
 */
class BenchPlanCommandTest {
  private static final Pattern ROUND =
      Pattern.compile(
          "round 1 +plan +[0-9.]+ s, ([0-9]+) of 2 candidates evaluated \\([0-9]+ %\\),"
              + " ([0-9]+) runs: (within|over) the target");

  private String root;
  private Path checkout;

  @BeforeEach
  void bundledScenariosOfThisCheckout() {
    root = System.getProperty("gradesim.root");
    checkout = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(checkout.resolve("simulator").resolve("scenarios"))) {
      checkout = checkout.getParent();
    }
    System.setProperty("gradesim.root", checkout.toString());
  }

  @AfterEach
  void restoreRoot() {
    if (root == null) {
      System.clearProperty("gradesim.root");
    } else {
      System.setProperty("gradesim.root", root);
    }
  }

  private static String[] run(String... args) {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void timesAWholePlanProcessAndCountsItsCandidates(@TempDir Path tmp) throws Exception {
    Path base = checkout.resolve("simulator/scenarios/inginious-today.conf");
    Path space =
        Files.writeString(
            tmp.resolve("small.conf"),
            "base = \""
                + base
                + "\"\nshapes = [ { name = 8c, cores = 8, memory-mb = 32768,"
                + " price-per-hour = 0.394 } ]\nagents { min = 1, max = 2 }\n");

    String[] r =
        run(
            "bench",
            "plan",
            "--space",
            space.toString(),
            "--load",
            "2x",
            "--replications",
            "2",
            "--repeat",
            "1");

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("bench plan: plan over small.conf (2 candidates) with --replications 2 --seed 1")
        .containsPattern("sample exam at 2x \\(trace scale --load 2x --seed 1: [0-9,]+ submissions")
        .containsPattern(
            "plan \\(whole process\\): median [0-9.]+ s \\(min [0-9.]+, max [0-9.]+," + " n=1\\)")
        .containsPattern("within the 2-minute target \\(<= 120 s\\): (yes|no), [01] of 1 rounds");
    Matcher m = ROUND.matcher(r[1]);
    assertThat(m.find()).as(r[1]).isTrue();
    int evaluated = Integer.parseInt(m.group(1));
    int runs = Integer.parseInt(m.group(2));
    // Today's pool and every evaluated candidate, 2 replications each.
    assertThat(evaluated).isBetween(1, 2);
    assertThat(runs).isEqualTo(2 * (evaluated + 1));
    assertThat(m.group(3).equals("within")).isEqualTo(r[1].contains("target (<= 120 s): yes"));
  }

  @Test
  void refusesASpaceThatIsNotThere(@TempDir Path tmp) {
    String[] r =
        run("bench", "plan", "--space", tmp.resolve("none.conf").toString(), "--repeat", "1");

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("none.conf is not a file").doesNotContain("\tat ");
  }
}
