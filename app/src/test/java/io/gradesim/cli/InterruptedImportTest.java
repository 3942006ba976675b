package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.testing.InputSnapshot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, group 9: a {@code trace import} in a child JVM is stopped mid-sort, at a kill point the
 * child announces (two sorted runs on disk, the output and rejects files half written). After
 * SIGKILL the next import into the folder sweeps what it left, but never the files of an import
 * still running; after SIGINT (Ctrl-C) the child removes its own and says so.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InterruptedImportTest {
  private static final String PAUSED = "trace import: paused after sort run 2";
  @TempDir Path dir;
  private Path input;
  private Path out;

  @BeforeEach
  void synthesise() throws Exception {
    Path clean = dir.resolve("clean.csv");
    Gradesim.Result r =
        Gradesim.run(
            "trace",
            "synth",
            "poisson",
            "--rate",
            "5",
            "--count",
            "600",
            "--grading",
            "const:2s",
            "--seed",
            "9",
            "-o",
            clean.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = new ArrayList<>(Files.readAllLines(clean));
    lines.add(1, "a bad row"); // rejected: the rejects file is half written at the kill point
    input = Files.write(dir.resolve("exam.csv"), lines);
    Files.delete(clean);
    out = Files.createDirectories(dir.resolve("out"));
  }

  /** Starts an import of 600 rows sorted in runs of 100 that stops after its second run. */
  private Process pausedImport(Path target) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A JVM that inherits SIGINT ignored (a build started in the background) would keep it
    // ignored and never run its shutdown hooks: restore the default disposition.
    Process p =
        new ProcessBuilder(
                "env",
                "--default-signal=INT",
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                GradesimCommand.class.getName(),
                "trace",
                "import",
                "--format",
                "csv",
                input.toString(),
                "-o",
                target.toString(),
                "--sort-chunk",
                "100",
                "--pause-after-sort-run",
                "2")
            .redirectErrorStream(true)
            .start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line; (line = r.readLine()) != null; ) {
      seen.add(line);
      if (line.equals(PAUSED)) {
        return p;
      }
    }
    throw new AssertionError("the child import ended before its kill point: " + seen);
  }

  private List<String> leftoversOf(Process p) throws Exception {
    String pid = "-" + p.pid() + "-";
    return InputSnapshot.leftovers(out).stream()
        .map(f -> out.relativize(f).toString())
        .filter(n -> n.contains(pid))
        .toList();
  }

  private void assertHalfWritten(Process child) throws Exception {
    long pid = child.pid();
    List<String> left = leftoversOf(child);
    assertThat(left)
        .anyMatch(n -> n.matches("\\.gradesim-sort-" + pid + "-\\d+"))
        .anyMatch(n -> n.matches("\\.y\\.csv\\.gradesim-" + pid + "-\\d+\\.partial"))
        .anyMatch(
            n -> n.matches("\\.y\\.csv\\.rejects\\.csv\\.gradesim-" + pid + "-\\d+\\.partial"));
    try (Stream<Path> runs =
        Files.list(
            out.resolve(
                left.stream()
                    .filter(n -> n.startsWith(".gradesim-sort-") && !n.contains("/"))
                    .findFirst()
                    .orElseThrow()))) {
      assertThat(runs.count()).as("sorted runs on disk").isEqualTo(2);
    }
  }

  @Test
  @Tag("hostile-9")
  @DisplayName("group 9: SIGKILL mid-sort: the next import sweeps the leftovers, not a live one's")
  void nextImportSweepsWhatAKilledImportLeftButNotARunningOnes() throws Exception {
    InputSnapshot before = InputSnapshot.of(input);
    Process child = pausedImport(out.resolve("y.csv"));
    try {
      assertHalfWritten(child);

      Gradesim.Result meanwhile =
          Gradesim.run(
              "trace",
              "import",
              "--format",
              "csv",
              input.toString(),
              "-o",
              out.resolve("z.csv").toString());
      assertThat(meanwhile.exit()).as(meanwhile.err()).isZero();
      assertThat(meanwhile.err()).doesNotContain("removed");
      assertHalfWritten(child); // a running import's files are its own

      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertHalfWritten(child); // SIGKILL: no hook ran

      Gradesim.Result next =
          Gradesim.run(
              "trace",
              "import",
              "--format",
              "csv",
              input.toString(),
              "-o",
              out.resolve("z.csv").toString());
      assertThat(next.exit()).as(next.err()).isZero();
      assertThat(next.err())
          .contains(
              "trace import: removed 3 temporary file(s) left by an "
                  + "interrupted command: "
                  + out);
      assertThat(next.out())
          .isEqualTo("imported 600, rejected 1 -> " + out.resolve("z.csv") + "\n");
    } finally {
      child.destroyForcibly().waitFor();
    }
    InputSnapshot.assertNoLeftovers(dir);
    assertThat(out.resolve("y.csv")).doesNotExist();
    before.assertUnchanged();
  }

  @Test
  @Tag("hostile-9")
  @DisplayName("group 9: Ctrl-C mid-sort removes the import's temporary files, in one line")
  void interruptedImportRemovesItsOwnTemporaryFiles() throws Exception {
    InputSnapshot before = InputSnapshot.of(input);
    Process child = pausedImport(out.resolve("y.csv"));
    try {
      assertHalfWritten(child);
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
      assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits after SIGINT").isTrue();
      String rest = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(rest.lines().toList())
          .containsExactly("gradesim: interrupted: removed 3 " + "temporary file(s) in " + out);
      assertThat(child.exitValue()).isEqualTo(130);
    } finally {
      child.destroyForcibly().waitFor();
    }
    InputSnapshot.assertNoLeftovers(dir);
    assertThat(out).isEmptyDirectory();
    before.assertUnchanged();
  }
}
