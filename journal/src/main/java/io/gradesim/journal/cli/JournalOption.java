package io.gradesim.journal.cli;

import io.gradesim.journal.JournalTarget;
import picocli.CommandLine.Option;

/** The {@code --journal} option shared by the {@code runs} commands. */
public final class JournalOption {
  @Option(
      names = "--journal",
      paramLabel = "h2|URL",
      defaultValue = "h2",
      description =
          "journal to read: h2 (default: the H2 file in the data folder, GRADESIM_HOME"
              + " or ~/.gradesim) or a jdbc:postgresql://host/db?user=..&password=.. URL")
  String journal;

  /** The journal named by the option. */
  public JournalTarget target() {
    JournalTarget t = JournalTarget.parse(journal, JournalTarget.defaultHome());
    if (!t.enabled()) {
      throw new IllegalArgumentException("--journal none: there is no journal to read");
    }
    return t;
  }
}
