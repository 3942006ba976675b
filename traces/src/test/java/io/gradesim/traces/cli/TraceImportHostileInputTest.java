package io.gradesim.traces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.testing.InputSnapshot;
import io.gradesim.traces.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, groups 1 and 8 for {@code trace import} and {@code trace synth}: an output that is an
 * input is refused before any work (the input stays byte for byte), and outputs or inputs of the
 * wrong kind are named clearly; nothing temporary is left.
 */
class TraceImportHostileInputTest {
  @TempDir Path tmp;
  private Path trace;

  @BeforeEach
  void synthesise() {
    trace = tmp.resolve("x.csv");
    TraceCli.Result r =
        TraceCli.trace(
            "synth",
            "poisson",
            "--rate",
            "5",
            "--count",
            "300",
            "--grading",
            "lognormal:median=3s,sigma=0.6",
            "--seed",
            "7",
            "-o",
            trace.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private TraceCli.Result importCsv(String... more) {
    String[] args = new String[4 + more.length];
    System.arraycopy(new String[] {"import", "--format", "csv", trace.toString()}, 0, args, 0, 4);
    System.arraycopy(more, 0, args, 4, more.length);
    return TraceCli.trace(args);
  }

  private static void assertRefused(TraceCli.Result r, String... parts) {
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().toList()).as("one line").hasSize(1);
    assertThat(r.err()).startsWith("gradesim: refusing to write ").contains(parts);
    assertThat(r.out()).isEmpty();
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: trace import x.json -o x.json refuses, the INGInious export unchanged")
  void importOntoItsOwnInginiousExportIsRefused() throws Exception {
    Path sample = SharedData.require("samples/inginious-export/submissions.json");
    Path tasks = SharedData.require("samples/inginious-export/tasks");
    Path json = Files.copy(sample, tmp.resolve("x.json"));
    InputSnapshot before = InputSnapshot.of(json);

    TraceCli.Result r =
        TraceCli.trace(
            "import",
            "--format",
            "inginious",
            json.toString(),
            "--tasks",
            tasks.toString(),
            "-o",
            json.toString());

    assertRefused(r, json + " (-o): it is the input given as INPUT (" + json + ")");
    before.assertUnchanged();
    InputSnapshot.assertNoLeftovers(tmp);
    assertThat(tmp.resolve("x.json.rejects.csv")).doesNotExist();
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: -o equal to the input, by name, by .., by symbolic or hard link")
  void outputThatIsTheInputByAnyNameIsRefused() throws Exception {
    Path sub = Files.createDirectories(tmp.resolve("sub"));
    Path symlink = Files.createSymbolicLink(tmp.resolve("link.csv"), trace);
    Path hardlink = Files.createLink(tmp.resolve("hard.csv"), trace);
    InputSnapshot before = InputSnapshot.of(trace);
    for (Path out : List.of(trace, sub.resolve("../x.csv"), symlink, hardlink)) {
      assertRefused(
          importCsv("-o", out.toString()),
          out + " (-o): it is the input given as INPUT (" + trace + ")");
      before.assertUnchanged();
      InputSnapshot.assertNoLeftovers(tmp);
    }
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: --rejects equal to the input or to -o")
  void rejectsFileThatIsTheInputOrTheOutputIsRefused() throws Exception {
    Path out = tmp.resolve("y.csv");
    Files.writeString(out, "an earlier output\n");
    InputSnapshot before = InputSnapshot.of(trace, out);

    assertRefused(
        importCsv("-o", out.toString(), "--rejects", trace.toString()),
        trace + " (--rejects): it is the input given as INPUT (" + trace + ")");
    assertRefused(
        importCsv("-o", out.toString(), "--rejects", out.toString()),
        out + " (--rejects): it is also the output given as -o (" + out + ")");

    before.assertUnchanged();
    InputSnapshot.assertNoLeftovers(tmp);
  }

  @Test
  @Tag("hostile-1")
  @DisplayName("group 1: the default rejects file would be the input")
  void defaultRejectsFileThatIsTheInputIsRefused() throws Exception {
    Path input = Files.copy(trace, tmp.resolve("y.csv.rejects.csv"));
    InputSnapshot before = InputSnapshot.of(input);
    TraceCli.Result r =
        TraceCli.trace(
            "import", "--format", "csv", input.toString(), "-o", tmp.resolve("y.csv").toString());
    assertRefused(r, "(the rejects file): it is the input given as INPUT (" + input + ")");
    before.assertUnchanged();
    assertThat(tmp.resolve("y.csv")).doesNotExist();
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: -o DIR fails before the import, naming the directory")
  void outputThatIsADirectoryFailsBeforeAnyWork() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("outdir"));
    // A bad row: an import that ran would write the rejects file beside the output.
    Files.writeString(
        trace, "bad,row\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    InputSnapshot before = InputSnapshot.of(trace);

    assertRefused(importCsv("-o", dir.toString()), dir + " (-o): it is a directory");
    Path underAFile = trace.resolve("y.csv");
    assertRefused(importCsv("-o", underAFile.toString()), trace + " is a file, not a directory");

    before.assertUnchanged();
    assertThat(tmp.resolve("outdir.rejects.csv")).doesNotExist();
    assertThat(dir).isEmptyDirectory();
    InputSnapshot.assertNoLeftovers(tmp);
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: a directory given as input is called a directory")
  void directoryInputIsNamedAsADirectory() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("exports"));
    TraceCli.Result r =
        TraceCli.trace(
            "import", "--format", "csv", dir.toString(), "-o", tmp.resolve("y.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("gradesim: " + dir + " (INPUT): is a directory, not a file\n");
    assertThat(tmp.resolve("y.csv")).doesNotExist();
    InputSnapshot.assertNoLeftovers(tmp);
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: a huge header line is cut in the message")
  void hugeHeaderLineIsCutInTheMessage() throws Exception {
    Path huge = tmp.resolve("huge.csv");
    int width = 8_000_000;
    Files.writeString(huge, "h".repeat(width) + "\n1\n");
    InputSnapshot before = InputSnapshot.of(huge);
    for (String format : List.of("csv", "ejudge", "progsnap2")) {
      TraceCli.Result r =
          TraceCli.trace(
              "import", "--format", format, huge.toString(), "-o", tmp.resolve("y.csv").toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .startsWith("gradesim: " + huge + ":1: ")
          .contains("h".repeat(80) + "…(" + width + " chars)");
      assertThat(r.err().length()).as(format + ": message length").isLessThan(400);
    }
    before.assertUnchanged();
    assertThat(tmp.resolve("y.csv")).doesNotExist();
    InputSnapshot.assertNoLeftovers(tmp);
  }

  @Test
  @Tag("hostile-8")
  @DisplayName("group 8: trace synth -o DIR fails before writing")
  void synthOntoADirectoryFailsBeforeWriting() throws Exception {
    TraceCli.Result r =
        TraceCli.trace(
            "synth",
            "poisson",
            "--rate",
            "5",
            "--count",
            "10",
            "--grading",
            "const:2s",
            "--seed",
            "1",
            "-o",
            tmp.toString());
    assertRefused(r, tmp + " (-o): it is a directory (give a file name)");
    InputSnapshot.assertNoLeftovers(tmp);
  }
}
