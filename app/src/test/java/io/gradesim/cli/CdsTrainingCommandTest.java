package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's class-data-sharing training run: it must succeed, quietly, and leave no trace. */
class CdsTrainingCommandTest {

  static Path scenarios() {
    return Path.of("").toAbsolutePath().getParent().resolve("simulator/scenarios");
  }

  @Test
  void exercisesTheUsualCommandsQuietlyAndRestoresTheDataFolder() {
    String home = System.getProperty("gradesim.home");
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));

    int code =
        cl.execute(
            "cds-training",
            scenarios().resolve("inginious-today.conf").toString(),
            scenarios().resolve("runtime-crun.conf").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(System.getProperty("gradesim.home")).isEqualTo(home);
  }

  @Test
  void reportsTheStepThatFailed() {
    CommandLine cl = GradesimCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    int code = cl.execute("cds-training", "no-such.conf", "no-such-either.conf");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("cds-training: 'gradesim simulate")
        .contains("no-such.conf");
  }

  @Test
  void isNotListedInTheHelp() {
    StringWriter out = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.execute("--help");
    assertThat(out.toString()).contains("simulate").doesNotContain("cds-training");
  }
}
