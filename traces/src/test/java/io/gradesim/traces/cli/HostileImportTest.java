package io.gradesim.traces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.testing.InputSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace import} on hostile input (issue groups 4, 5 and 7): one line naming file, line and
 * field, exit code 2 where the import cannot go on, the input untouched, nothing partial left.
 */
class HostileImportTest {
  @TempDir Path dir;

  @Test
  @Tag("hostile-5")
  @DisplayName("group 5: --format inginious on random bytes: file and line, exit 2, no .partial")
  void randomBytesAsInginiousFailClearly() throws IOException {
    byte[] noise = new byte[20_000];
    new Random(5).nextBytes(noise);
    Path input = Files.write(dir.resolve("export.json"), noise);
    String before = InputSnapshot.sha256(input);
    Path out = dir.resolve("trace.csv");
    TraceCli.Result r =
        TraceCli.trace("import", "--format", "inginious", input.toString(), "-o", out.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip())
        .startsWith("gradesim: " + input + ":")
        .matches("(?s)gradesim: \\S+:\\d+: .*no row could be imported.*")
        .doesNotContain("Exception")
        .hasLineCount(1);
    assertThat(InputSnapshot.sha256(input)).isEqualTo(before);
    assertThat(out).doesNotExist();
    assertNoPartial();
  }

  @Test
  @Tag("hostile-5")
  @DisplayName("group 5: a broken gzip stream names the file in every format, exit 2")
  void brokenGzipNamesTheFileInEveryFormat() throws IOException {
    byte[] noise = new byte[5_000];
    new Random(3).nextBytes(noise);
    noise[0] = 0x1f;
    noise[1] = (byte) 0x8b;
    noise[2] = 8;
    noise[3] = 0;
    Path input = Files.write(dir.resolve("export.gz"), noise);
    String before = InputSnapshot.sha256(input);
    for (String format : List.of("inginious", "clics", "ejudge", "progsnap2", "csv")) {
      Path out = dir.resolve(format + ".csv");
      TraceCli.Result r =
          TraceCli.trace(
              "import", "--format", format, input.toString(), "-o", out.toString(), "--tz", "UTC");
      assertThat(r.exit()).as(format + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().strip())
          .as(format)
          .startsWith("gradesim: " + input + ":1: ")
          .hasLineCount(1);
      assertThat(out).doesNotExist();
    }
    assertThat(InputSnapshot.sha256(input)).isEqualTo(before);
    assertNoPartial();
  }

  @Test
  @Tag("hostile-4")
  @DisplayName("group 4: a row at 9999-12-31 or 1900-01-01 is a rejection with line and field")
  void outOfRangeTimestampsAreRejected() throws IOException {
    Path input =
        Files.writeString(
            dir.resolve("input.csv"),
            "id,submitted_at,task\n"
                + "a,2024-01-15T09:31:00Z,t\nb,9999-12-31T23:59:59.999Z,t\nc,1900-01-01T00:00:00Z,t\n");
    String before = InputSnapshot.sha256(input);
    Path out = dir.resolve("trace.csv");
    TraceCli.Result strict =
        TraceCli.trace(
            "import", "--format", "csv", input.toString(), "-o", out.toString(), "--strict");
    assertThat(strict.exit()).isEqualTo(2);
    assertThat(strict.err().strip())
        .isEqualTo(
            "gradesim: "
                + input
                + ":3: submitted_at: out of"
                + " range: 9999-12-31T23:59:59.999Z (supported: 1970-01-01T00:00:00Z to before"
                + " 2200-01-01T00:00:00Z)");
    assertThat(out).doesNotExist();
    assertNoPartial();

    TraceCli.Result lenient =
        TraceCli.trace("import", "--format", "csv", input.toString(), "-o", out.toString());
    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.out()).contains("imported 1, rejected 2");
    List<String> rejects = Files.readAllLines(dir.resolve("trace.csv.rejects.csv"));
    assertThat(rejects).hasSize(3);
    assertThat(rejects.get(1)).startsWith("input.csv,3,submitted_at,out of range: 9999");
    assertThat(rejects.get(2)).startsWith("input.csv,4,submitted_at,out of range: 1900");
    assertThat(Files.readAllLines(out)).hasSize(2);
    assertThat(InputSnapshot.sha256(input)).isEqualTo(before);
    assertNoPartial();
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: a duplicate id fails --strict naming both lines; grading_ms=1e300 too")
  void duplicateIdsAndHugeGradingTimesAreRefused() throws IOException {
    Path input =
        Files.writeString(
            dir.resolve("input.csv"),
            "id,submitted_at,task,grading_ms\n"
                + "a,2024-01-15T09:31:00Z,t,100\nb,2024-01-15T09:32:00Z,t,200\n"
                + "a,2024-01-15T09:33:00Z,t,300\n");
    String before = InputSnapshot.sha256(input);
    Path out = dir.resolve("trace.csv");
    TraceCli.Result dup =
        TraceCli.trace(
            "import", "--format", "csv", input.toString(), "-o", out.toString(), "--strict");
    assertThat(dup.exit()).isEqualTo(2);
    assertThat(dup.err().strip())
        .isEqualTo("gradesim: " + input + ":4: id: duplicate id 'a': line 2 has it already");
    assertThat(InputSnapshot.sha256(input)).isEqualTo(before);
    assertThat(out).doesNotExist();

    Path huge =
        Files.writeString(
            dir.resolve("huge.csv"),
            "id,submitted_at,task,grading_ms\n" + "a,2024-01-15T09:31:00Z,t,1e300\n");
    TraceCli.Result big =
        TraceCli.trace(
            "import", "--format", "csv", huge.toString(), "-o", out.toString(), "--strict");
    assertThat(big.exit()).isEqualTo(2);
    assertThat(big.err()).contains(huge + ":2: grading_ms: out of range");
    assertThat(out).doesNotExist();
    assertNoPartial();
  }

  private void assertNoPartial() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".partial") || n.startsWith(".gradesim-sort"));
    }
  }
}
