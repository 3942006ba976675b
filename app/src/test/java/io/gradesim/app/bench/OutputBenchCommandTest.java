package io.gradesim.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.cli.GradesimCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OutputBenchCommandTest {

  @Test
  void benchOutputPrintsMedianRatesWithTheirCounts() {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));

    int code =
        cl.execute("bench", "output", "--submissions", "2000", "--repeats", "3", "--warmup", "0");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("2,000 submissions, 16,002 events per run")
        .containsPattern("events/s \\(CPU\\)  median [0-9,]+ .*\\(n=3\\)")
        .contains("rows/s (wall)");
  }

  @Test
  void refusesANonPositiveSubmissionCount() {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    assertThat(cl.execute("bench", "output", "--submissions", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--submissions");
  }
}
