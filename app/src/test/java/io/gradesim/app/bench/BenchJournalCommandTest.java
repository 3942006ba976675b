package io.gradesim.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.cli.GradesimCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchJournalCommandTest {
  private static final Pattern COST =
      Pattern.compile(
          "journal cost: ([0-9.]+)x \\(median of the pairs' ratios; min ([0-9.]+), max ([0-9.]+);"
              + " ratio of the medians ([0-9.]+)x\\)");

  @Test
  void timesSimulateInFreshJvmsAndInThisOneThenExport() {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));

    int code =
        cl.execute(
            "bench",
            "journal",
            "--submissions",
            "2000",
            "--processes",
            "1",
            "--repeat",
            "1",
            "--warmup",
            "0");

    String text = out.toString();
    assertThat(code).as(err.toString()).isZero();
    assertThat(text)
        .contains("1. gradesim simulate, a fresh JVM per run")
        .contains("2. In this JVM, engine and output files only")
        .containsPattern("3\\. runs export: median [0-9,]+ events/s .*16,007 events")
        .containsPattern(
            "pair 1 +engine +[0-9.]+ s +none +[0-9.]+ s +h2 +[0-9.]+ s"
                + " +none/engine [0-9.]+ +h2/none [0-9.]+")
        .containsPattern("engine only: +median [0-9.]+ s \\(min [0-9.]+, max [0-9.]+, n=1;")
        .containsPattern("simulate cost: +[0-9.]+x the engine .*\\(target <= 4x\\)")
        .containsPattern("journal cost: .*\\(target <= 1\\.2x\\)");
    Matcher m = COST.matcher(text);
    int costs = 0;
    while (m.find()) {
      costs++;
      // One pair: its ratio is the median, the min, the max and the ratio of the medians.
      assertThat(Double.parseDouble(m.group(1)))
          .isPositive()
          .isEqualTo(Double.parseDouble(m.group(2)))
          .isEqualTo(Double.parseDouble(m.group(3)));
    }
    assertThat(costs).isEqualTo(2);
  }

  @Test
  void refusesANegativePairCount() {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    assertThat(cl.execute("bench", "journal", "--processes", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--processes");
  }
}
