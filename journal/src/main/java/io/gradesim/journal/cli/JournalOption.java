package io.gradesim.journal.cli;

import io.gradesim.journal.JournalActors;
import io.gradesim.journal.JournalTarget;
import io.gradesim.journal.RunJournal;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --journal} option shared by the {@code runs} commands. The journal opens in the
 * process's actor system, which the root command (a {@link JournalActors}) owns.
 */
public final class JournalOption {
  @Option(
      names = "--journal",
      paramLabel = "h2|URL",
      defaultValue = "h2",
      description =
          "journal to read: h2 (default: the H2 file in the data folder, GRADESIM_HOME"
              + " or ~/.gradesim) or a jdbc:postgresql://host/db?user=..&password=.. URL")
  String journal;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  /** The journal named by the option. */
  public JournalTarget target() {
    JournalTarget t = JournalTarget.parse(journal, JournalTarget.defaultHome());
    if (!t.enabled()) {
      throw new IllegalArgumentException("--journal none: there is no journal to read");
    }
    return t;
  }

  /** Opens the journal named by the option in the root command's actor system. */
  public RunJournal open() throws IOException {
    JournalTarget t = target();
    if (!(mixee.root().userObject() instanceof JournalActors actors)) {
      throw new IllegalStateException("the root command does not own an actor system");
    }
    return RunJournal.open(t, actors.system(t));
  }
}
