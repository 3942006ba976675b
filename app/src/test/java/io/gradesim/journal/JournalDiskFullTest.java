package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue group 2: with only the data folder on a full file system (a 1 MB tmpfs, mounted for the
 * test), {@code simulate} fails naming the journal and the full disk instead of reporting a run its
 * journal holds only part of; the run is then listed as not finished.
 */
@Tag("hostile-2")
class JournalDiskFullTest {
  @TempDir Path dir;
  Path home;
  boolean mounted;

  @BeforeEach
  void smallFileSystem() throws Exception {
    home = Files.createDirectories(dir.resolve("home"));
    int code = command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", home.toString());
    if (code != 0) {
      String why = "cannot mount a tmpfs (needs root): mount exited " + code;
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
    }
    mounted = true;
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      assertThat(command("umount", home.toString())).isZero();
    }
  }

  static int command(String... args) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  @Test
  @DisplayName("group 2: a full disk under the journal fails simulate (exit 2) naming the journal")
  void simulateFailsWhenTheJournalDiskIsFull() throws Exception {
    Path trace = JournalCli.trace(dir.resolve("trace.csv"), 25_000, 42);
    Path scenario = JournalCli.scenario(dir.resolve("pool.conf"));
    String traceHash = JournalCli.sha256(trace);
    String scenarioHash = JournalCli.sha256(scenario);
    Path out = dir.resolve("out");
    Path db = home.resolve("journal").resolve("runs.mv.db").toAbsolutePath();

    JournalCli.Result r =
        JournalCli.run(
            home,
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--seed",
            "3",
            "--run-id",
            "x",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("gradesim: journal " + db + ": no space left on device while")
        .contains("run x")
        .hasLineCount(1);
    assertThat(r.out()).doesNotContain("submissions ");
    // The outputs may be complete (written before the journal's last sync): the run still failed.
    assertThat(JournalCli.leftovers(dir)).isEmpty();
    assertThat(JournalCli.sha256(trace)).isEqualTo(traceHash);
    assertThat(JournalCli.sha256(scenario)).isEqualTo(scenarioHash);

    // Space freed: the journal opens (not damaged) and does not show the run as finished (it
    // shows it running, or not at all if the disk filled before H2 wrote any of its rows).
    assertThat(command("mount", "-o", "remount,size=64m", home.toString())).isZero();
    JournalCli.Result list = JournalCli.run(home, "runs", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).startsWith("ID ").doesNotContainPattern("\\bx +.* finished ");
    assertThat(
            JournalCli.run(home, "runs", "export", "x", "--out", dir.resolve("x").toString())
                .code())
        .isEqualTo(2);
  }
}
