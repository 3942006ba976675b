package io.gradesim.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputGuardTest {
  @TempDir Path dir;

  @Test
  void refusesAnOutputThatIsTheInputByAnyName() throws Exception {
    Path in = Files.writeString(dir.resolve("x.json"), "{}");
    Files.createDirectories(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), in);
    Path hard = Files.createLink(dir.resolve("hard.json"), in);
    for (Path out : List.of(in, dir.resolve("sub/../x.json"), link, hard)) {
      assertThatThrownBy(() -> new OutputGuard().input("INPUT", in).file("-o", out).check())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "refusing to write " + out + " (-o): it is the input given as INPUT (" + in + ")");
    }
  }

  @Test
  void refusesTwoOutputsThatAreOneFile() {
    Path out = dir.resolve("y.csv");
    assertThatThrownBy(
            () ->
                new OutputGuard().file("-o", out).file("--rejects", dir.resolve("./y.csv")).check())
        .hasMessageContaining("(--rejects): it is also the output given as -o (" + out + ")");
  }

  @Test
  void refusesAnInputWhereADirectoryOutputWritesItsFiles() throws Exception {
    Path d = Files.createDirectories(dir.resolve("d"));
    Path trace = Files.writeString(d.resolve("submissions.csv"), "id\n");
    assertThatThrownBy(
            () ->
                new OutputGuard()
                    .input("--trace", trace)
                    .dir("--out", d, List.of("submissions.csv", "summary.json"), List.of())
                    .check())
        .hasMessage(
            "refusing to write "
                + trace
                + " (--out): it is the input given as --trace ("
                + trace
                + ")");
    Path deep = Files.createDirectories(d.resolve("runs/a")).resolve("t.csv");
    Files.writeString(deep, "id\n");
    assertThatThrownBy(
            () ->
                new OutputGuard()
                    .input("--trace", deep)
                    .dir("--out", d, List.of(), List.of("runs"))
                    .check())
        .hasMessageContaining("the input given as --trace (" + deep + ") lies inside it");
    assertThatCode(
            () ->
                new OutputGuard()
                    .input("--trace", trace)
                    .dir("--out", d, List.of("perf.json"), List.of("runs"))
                    .check())
        .doesNotThrowAnyException();
  }

  @Test
  void refusesADirectoryOutputThatIsAFileAndAFileOutputThatIsADirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("f.csv"), "x");
    assertThatThrownBy(() -> new OutputGuard().dir("--out", file, List.of(), List.of()).check())
        .hasMessage("refusing to write " + file + " (--out): it is a file, not a directory");
    assertThatThrownBy(() -> new OutputGuard().file("-o", dir).check())
        .hasMessage("refusing to write " + dir + " (-o): it is a directory (give a file name)");
    Path under = file.resolve("new/out.csv");
    assertThatThrownBy(() -> new OutputGuard().file("-o", under).check())
        .hasMessage(
            "refusing to write " + under + " (-o): " + file + " is a file, not a directory");
  }

  @Test
  void acceptsADirectoryInputThatIsAlsoTheOutputDirectory() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("run"));
    assertThatCode(
            () ->
                new OutputGuard()
                    .input("--runs", runDir)
                    .dir("--out", runDir, List.of("compare.csv"), List.of())
                    .check())
        .doesNotThrowAnyException();
    assertThat(runDir).isDirectory();
  }
}
