package io.gradesim.calibration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.calibration.recording.TestRecording;
import io.gradesim.traces.testing.InputSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 10, group 1 for {@code calibrate}: the recording is never overwritten by the profile. */
class CalibrateHostileInputTest {
  @TempDir Path dir;
  private Path recording;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void record() throws IOException {
    Path p = Files.createDirectories(dir.resolve("p"));
    try (TestRecording r = new TestRecording()) {
      for (int i = 0; i < 5; i++) {
        r.stage("alpha", "create", "true", 1, i, false, true, 2);
      }
      recording = r.dump(p.resolve("probe.jfr"));
    }
  }

  private int run(String... args) {
    CommandLine cl = new CommandLine(new CalibrateCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException || e instanceof IOException) {
            cmd.getErr().println("gradesim: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cl.execute(args);
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: calibrate --from p/probe.jfr -o p/probe.jfr refuses, recording unchanged")
  void profileOntoTheRecordingIsRefused() throws IOException {
    InputSnapshot before = InputSnapshot.of(recording);
    assertThat(run("--from", recording.toString(), "-o", recording.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "gradesim: refusing to write "
                + recording
                + " (-o): it is the input given as --from ("
                + recording
                + ")\n");
    before.assertUnchanged();
    InputSnapshot.assertNoLeftovers(dir);
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: calibrate --from p -o p/probe.jfr (the folder form) refuses too")
  void profileOntoTheRecordingInTheFolderFormIsRefused() throws IOException {
    Path folder = recording.getParent();
    Path link = Files.createSymbolicLink(dir.resolve("profile.json"), recording);
    InputSnapshot before = InputSnapshot.of(recording);
    assertThat(run("--from", folder.toString(), "-o", recording.toString())).isEqualTo(2);
    assertThat(run("--from", folder.toString(), "-o", link.toString())).isEqualTo(2);
    assertThat(err.toString().lines().toList())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).contains("it is the input given as --from"));
    before.assertUnchanged();
    InputSnapshot.assertNoLeftovers(dir);
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: -o DIR fails before calibrating")
  void profileOntoADirectoryIsRefused() throws IOException {
    InputSnapshot before = InputSnapshot.of(recording);
    assertThat(run("--from", recording.toString(), "-o", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("(-o): it is a directory (give a file name)");
    assertThat(out.toString()).isEmpty();
    before.assertUnchanged();
    InputSnapshot.assertNoLeftovers(dir);
  }
}
