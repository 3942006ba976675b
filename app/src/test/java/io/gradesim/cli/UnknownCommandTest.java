package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 10, group 8: an unknown command is an error even with {@code --help}. */
class UnknownCommandTest {
  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: gradesim forecast --help names 'forecast' and exits 2")
  void unknownCommandWithHelpIsAnError() {
    for (String[] args :
        new String[][] {{"forecast", "--help"}, {"forecast"}, {"--help", "forecast"}}) {
      Gradesim.Result r = Gradesim.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).contains("Unmatched argument at index").contains("'forecast'");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: gradesim trace forecast --help names 'forecast' and exits 2")
  void unknownSubcommandWithHelpIsAnError() {
    Gradesim.Result r = Gradesim.run("trace", "forecast", "--help");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'forecast'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void helpOfAKnownCommandStillWorks() {
    Gradesim.Result r = Gradesim.run("simulate", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: gradesim simulate");
  }
}
