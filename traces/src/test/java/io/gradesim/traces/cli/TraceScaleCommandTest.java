package io.gradesim.traces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceScaleCommandTest {
  @TempDir Path tmp;
  private Path trace;

  @BeforeEach
  void synthesise() {
    trace = tmp.resolve("exam.csv");
    TraceCli.Result r =
        TraceCli.trace(
            "synth",
            "exam",
            "--students",
            "20",
            "--duration",
            "1h",
            "--tasks",
            "3",
            "--grading",
            "const:2s",
            "--seed",
            "4",
            "-o",
            trace.toString());
    assertThat(r.exit()).isZero();
  }

  private static long rows(Path p) throws Exception {
    try (var lines = Files.lines(p)) {
      return lines.count() - 1;
    }
  }

  @Test
  void scalesTheLoadAndSaysWhatItWrote() throws Exception {
    Path out = tmp.resolve("2x.csv");

    TraceCli.Result r =
        TraceCli.trace(
            "scale", "--load", "2x", "--seed", "3", trace.toString(), "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(rows(out)).isEqualTo(2 * rows(trace));
    assertThat(r.out()).contains("of 20 students to").contains(" of 40 -> ");
    assertThat(tmp.resolve("2x.csv.provenance.json")).exists();
  }

  @Test
  void scalesToAStudentCount() throws Exception {
    Path out = tmp.resolve("50.csv");

    TraceCli.Result r =
        TraceCli.trace("scale", "--students", "50", trace.toString(), "-o", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(" of 50 -> ");
  }

  @Test
  void badArgumentsExitTwoWithOneLine() throws Exception {
    byte[] before = Files.readAllBytes(trace);
    String out = tmp.resolve("o.csv").toString();
    String[][] bad = {
      {"scale", "--load", "0x", trace.toString(), "-o", out},
      {"scale", "--load", "twice", trace.toString(), "-o", out},
      {"scale", "--students", "0", trace.toString(), "-o", out},
      {"scale", "--load", "2x", "--jitter", "soon", trace.toString(), "-o", out},
      {"scale", "--load", "2x", trace.toString(), "-o", trace.toString()},
      {"scale", "--load", "2x", tmp.resolve("missing.csv").toString(), "-o", out},
    };
    for (String[] args : bad) {
      TraceCli.Result r = TraceCli.trace(args);

      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).startsWith("gradesim: ").doesNotContain("\tat ");
      assertThat(r.err().strip().lines()).hasSize(1);
    }
    assertThat(Files.readAllBytes(trace)).isEqualTo(before);
    assertThat(tmp.resolve("o.csv")).doesNotExist();
  }

  @Test
  void wantsExactlyOneTarget() {
    TraceCli.Result r =
        TraceCli.trace("scale", "--load", "2x", "--students", "5", trace.toString(), "-o", "x.csv");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }
}
