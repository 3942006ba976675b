package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.testing.InputSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, groups 1 and 8 for the commands of the simulator module: {@code simulate}, {@code
 * compare}, {@code runs export}, {@code bench simulate} and {@code demo} refuse, before any work,
 * an output directory where an input lies or that is a file; the inputs stay byte for byte and
 * nothing temporary is left.
 */
class OutputsAreNotInputsTest {
  private static final Path SCENARIO =
      Path.of("../simulator/scenarios/mmc.conf").toAbsolutePath().normalize();
  @TempDir Path dir;
  private Path trace;
  private String homeBefore;

  @BeforeEach
  void synthesise() {
    homeBefore = System.getProperty("gradesim.home");
    System.setProperty("gradesim.home", dir.resolve("home").toString());
    trace = dir.resolve("t.csv");
    Gradesim.Result r =
        Gradesim.run(
            "trace",
            "synth",
            "poisson",
            "--rate",
            "2",
            "--count",
            "50",
            "--grading",
            "const:2s",
            "--seed",
            "5",
            "-o",
            trace.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @AfterEach
  void restoreHome() {
    if (homeBefore == null) {
      System.clearProperty("gradesim.home");
    } else {
      System.setProperty("gradesim.home", homeBefore);
    }
  }

  private static void assertRefused(Gradesim.Result r, String... parts) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("gradesim: refusing to write ").contains(parts);
    assertThat(r.out()).isEmpty();
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: simulate --trace d/submissions.csv --out d refuses, the trace unchanged")
  void simulateOntoItsOwnTraceIsRefused() throws Exception {
    Path d = Files.createDirectories(dir.resolve("d"));
    Path input = Files.copy(trace, d.resolve("submissions.csv"));
    Path profile = Files.writeString(d.resolve("perf.json"), "{}\n");
    InputSnapshot before = InputSnapshot.of(input, profile, SCENARIO);

    assertRefused(
        Gradesim.run(
            "simulate",
            "--trace",
            input.toString(),
            "--scenario",
            SCENARIO.toString(),
            "--journal",
            "none",
            "--out",
            d.toString()),
        input + " (--out): it is the input given as --trace (" + input + ")");
    assertRefused(
        Gradesim.run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            SCENARIO.toString(),
            "--calibration",
            profile.toString(),
            "--journal",
            "none",
            "--out",
            d.toString()),
        "it is the input given as --calibration (" + profile + ")");
    assertRefused(
        Gradesim.run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            SCENARIO.toString(),
            "--journal",
            "none",
            "--out",
            trace.toString()),
        trace + " (--out): it is the input given as --trace (" + trace + ")");

    before.assertUnchanged();
    assertThat(d).isDirectoryNotContaining("glob:**/summary.json");
    InputSnapshot.assertNoLeftovers(dir);
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: compare --trace inside DIR/runs/ --out DIR refuses")
  void compareReplayingIntoTheFolderOfItsTraceIsRefused() throws Exception {
    Path out = dir.resolve("c");
    Path input =
        Files.copy(
            trace, Files.createDirectories(out.resolve("runs/mmc")).resolve("submissions.csv"));
    InputSnapshot before = InputSnapshot.of(input, SCENARIO);

    assertRefused(
        Gradesim.run(
            "compare", "--trace", input.toString(), SCENARIO.toString(), "--out", out.toString()),
        "the input given as --trace (" + input + ") lies inside it");

    before.assertUnchanged();
    assertThat(out.resolve("compare.csv")).doesNotExist();
    InputSnapshot.assertNoLeftovers(dir);
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: an output directory that is a file fails before any work")
  void outputDirectoryThatIsAFileIsRefusedByEveryCommand() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine\n");
    InputSnapshot before = InputSnapshot.of(file, trace);
    String refusal = file + " (--out): it is a file, not a directory";

    assertRefused(
        Gradesim.run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            SCENARIO.toString(),
            "--journal",
            "none",
            "--out",
            file.toString()),
        refusal);
    assertRefused(
        Gradesim.run(
            "compare", "--trace", trace.toString(), SCENARIO.toString(), "--out", file.toString()),
        refusal);
    assertRefused(Gradesim.run("runs", "export", "any-run", "--out", file.toString()), refusal);
    assertRefused(
        Gradesim.run("bench", "simulate", "--submissions", "10", "--out", file.toString()),
        refusal);
    assertRefused(Gradesim.run("demo", "--out", file.toString()), refusal);

    before.assertUnchanged();
    assertThat(dir.resolve("home")).doesNotExist();
    InputSnapshot.assertNoLeftovers(dir);
  }

  @Test
  @Tag("hostile-9")
  @DisplayName("group 9: simulate sweeps the temporary files a killed run left in --out")
  void simulateSweepsWhatAKilledRunLeftInItsOutputDirectory() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Path d = Files.createDirectories(dir.resolve("d"));
    Path left =
        Files.writeString(
            d.resolve(".submissions.csv.gradesim-" + gone.pid() + "-7.partial"),
            "id,submitted_at\n");
    InputSnapshot before = InputSnapshot.of(trace);

    Gradesim.Result r =
        Gradesim.run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            SCENARIO.toString(),
            "--journal",
            "none",
            "--out",
            d.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(left).doesNotExist();
    assertThat(d.resolve("summary.json")).isRegularFile();
    InputSnapshot.assertNoLeftovers(dir);
    before.assertUnchanged();
  }
}
