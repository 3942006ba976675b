package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gradesim.app.system.GradesimSystem;
import io.gradesim.cli.GradesimCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A locked, corrupt or unreachable journal gives one clear error naming it (exit code 2). */
class JournalFailureTest {
  @TempDir Path home;

  @Test
  void aJournalLockedByAnotherProcessIsReportedAsInUse() throws Exception {
    JournalTarget target = JournalTarget.h2(home);
    JournalDatabase.prepare(target);
    Process holder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    H2LockHolder.class.getName(),
                    target.url()))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(r.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> open(target))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("journal " + target.label())
          .hasMessageContaining("in use by another gradesim process");
      String[] err = runs("list");
      assertThat(err[0]).isEqualTo("2");
      assertThat(err[1]).startsWith("gradesim: journal " + target.label() + " is in use");
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(30, TimeUnit.SECONDS);
      holder.destroyForcibly();
    }
  }

  @Test
  void aCorruptJournalFileIsReportedAsDamaged() throws IOException {
    JournalTarget target = JournalTarget.h2(home);
    Path file = Path.of(target.label());
    Files.createDirectories(file.getParent());
    byte[] junk = new byte[64 * 1024];
    new SplittableRandom(1).nextBytes(junk);
    Files.write(file, junk);
    assertThatThrownBy(() -> open(target))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("journal " + target.label() + " is damaged");
    String[] err = runs("list");
    assertThat(err[0]).isEqualTo("2");
    assertThat(err[1]).startsWith("gradesim: journal " + target.label() + " is damaged");
  }

  @Test
  void anUnreachableServerIsReportedAsUnreachable() {
    JournalTarget target =
        JournalTarget.parse(
            "jdbc:postgresql://127.0.0.1:9/none?user=u&password=secret&connectTimeout=2", home);
    assertThatThrownBy(() -> open(target))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is unreachable")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret");
  }

  @Test
  void anUnknownRunIsAnErrorNamingIt() {
    String[] err = runs("show", "nope");
    assertThat(err[0]).isEqualTo("2");
    assertThat(err[1]).startsWith("gradesim: no run 'nope' in journal");
  }

  /** Runs {@code gradesim runs ARGS} in-process on this test's data folder: {exit, stderr}. */
  String[] runs(String... args) {
    String before = System.getProperty("gradesim.home");
    System.setProperty("gradesim.home", home.toString());
    try {
      CommandLine cl = GradesimCommand.commandLine();
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err));
      cl.setOut(new PrintWriter(new StringWriter()));
      String[] full = new String[args.length + 1];
      full[0] = "runs";
      System.arraycopy(args, 0, full, 1, args.length);
      int code = cl.execute(full);
      return new String[] {Integer.toString(code), err.toString().trim()};
    } finally {
      if (before == null) {
        System.clearProperty("gradesim.home");
      } else {
        System.setProperty("gradesim.home", before);
      }
    }
  }

  /** Opens {@code target} in an actor system of its own, as a command would. */
  private static void open(JournalTarget target) throws IOException {
    try (GradesimSystem actors = new GradesimSystem();
        RunJournal journal = RunJournal.open(target, actors.system(target))) {
      journal.runIds();
    }
  }
}
