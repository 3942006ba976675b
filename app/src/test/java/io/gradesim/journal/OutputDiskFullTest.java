package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.output.RunOutputWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue group 8: a full disk under {@code --out} is an error naming the file being written. */
@Tag("hostile-8")
class OutputDiskFullTest {
  @TempDir Path dir;
  Path out;
  boolean mounted;

  @BeforeEach
  void smallFileSystem() throws Exception {
    out = Files.createDirectories(dir.resolve("out"));
    int code =
        JournalDiskFullTest.command(
            "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", out.toString());
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
      assertThat(JournalDiskFullTest.command("umount", out.toString())).isZero();
    }
  }

  @Test
  @DisplayName("group 8: disk full under --out names the output file, exit 2")
  void aFullOutputDiskNamesTheFile() throws Exception {
    Path trace = JournalCli.trace(dir.resolve("trace.csv"), 25_000, 42);
    Path scenario = JournalCli.scenario(dir.resolve("pool.conf"));
    String traceHash = JournalCli.sha256(trace);
    String scenarioHash = JournalCli.sha256(scenario);
    JournalCli.Result r =
        JournalCli.run(
            dir.resolve("home"),
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--seed",
            "3",
            "--journal",
            "none",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("gradesim: ")
        .containsPattern(
            "gradesim: .*"
                + out
                + "/\\.(submissions|timeseries)\\.csv\\.gradesim-\\d+-\\d+"
                + "\\.partial: no space left on device")
        .hasLineCount(1);
    assertThat(out.resolve(RunOutputWriter.SUMMARY)).doesNotExist();
    assertThat(JournalCli.leftovers(dir)).isEmpty();
    assertThat(JournalCli.sha256(trace)).isEqualTo(traceHash);
    assertThat(JournalCli.sha256(scenario)).isEqualTo(scenarioHash);
  }
}
