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
import picocli.CommandLine;

class BenchCompareCommandTest {
  private static final Pattern ROUND =
      Pattern.compile(
          "round 1 +compare +[0-9.]+ s, ([0-9,]+) submissions simulated: +[0-9,]+ /s +engine"
              + " +[0-9,]+ /s +engine/compare [0-9.]+");

  private String root;

  @BeforeEach
  void bundledScenariosOfThisCheckout() {
    root = System.getProperty("gradesim.root");
    Path checkout = Path.of("").toAbsolutePath();
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
  void timesAWholeCompareProcessBesideTheEngine() {
    String[] r =
        run(
            "bench",
            "compare",
            "--students",
            "30",
            "--duration",
            "20min",
            "--tasks",
            "2",
            "--scenarios",
            "mmc,inginious-today",
            "--engine-submissions",
            "2000",
            "--repeat",
            "1",
            "--warmup",
            "0");

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("bench compare: 2 scenarios on trace synth exam --students 30")
        .containsPattern("compare \\(whole process\\): median [0-9,]+ submissions/s .*n=1;")
        .containsPattern("engine alone \\(bench simulate, one thread\\): median [0-9,]+")
        .containsPattern("engine/compare: [0-9.]+x \\(median of the rounds' ratios");
    Matcher m = ROUND.matcher(r[1]);
    assertThat(m.find()).as(r[1]).isTrue();
    long simulated = Long.parseLong(m.group(1).replace(",", ""));
    // Both runs replay the whole trace: the count is twice the trace's rows.
    assertThat(simulated).isPositive();
    assertThat(simulated % 2).isZero();
  }

  @Test
  void refusesAScenarioThatIsNotBundled() {
    String[] r = run("bench", "compare", "--scenarios", "no-such-plan", "--repeat", "1");

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("no-such-plan.conf is not a bundled scenario");
  }
}
