package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 10, group 8: an unknown command is an error even with {@code --help}. */
class UnknownCommandTest {
  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: gradesim plan --help names 'plan' and exits 2")
  void unknownCommandWithHelpIsAnError() {
    for (String[] args : new String[][] {{"plan", "--help"}, {"plan"}, {"--help", "plan"}}) {
      Gradesim.Result r = Gradesim.run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).contains("Unmatched argument at index").contains("'plan'");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: gradesim trace plan --help names 'plan' and exits 2")
  void unknownSubcommandWithHelpIsAnError() {
    Gradesim.Result r = Gradesim.run("trace", "plan", "--help");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'plan'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void helpOfAKnownCommandStillWorks() {
    Gradesim.Result r = Gradesim.run("simulate", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: gradesim simulate");
  }
}
