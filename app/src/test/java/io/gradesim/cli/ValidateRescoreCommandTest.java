package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradesim validate --rescore} refuses what is not an earlier validation, and an output that
 * would write over it; neither needs a runtime.
 */
class ValidateRescoreCommandTest {
  private static Gradesim.Result rescore(Path tmp, Path earlier, Path out) throws Exception {
    Path trace =
        Files.writeString(
            tmp.resolve("t.csv"),
            "id,submitted_at,course,task,grading_ms\ns1,2024-03-08T09:00:00Z,c,t,100\n");
    Path pool = Files.writeString(tmp.resolve("pool.conf"), "agents = 1\ncosts = none\n");
    return Gradesim.run(
        "validate",
        "--trace",
        trace.toString(),
        "--scenario",
        pool.toString(),
        "--runtime",
        "crun",
        "--rescore",
        earlier.toString(),
        "--out",
        out.toString());
  }

  @Test
  void refusesADirectoryThatIsNoValidation(@TempDir Path tmp) throws Exception {
    Path earlier = Files.createDirectories(tmp.resolve("earlier"));
    Gradesim.Result r = rescore(tmp, earlier, tmp.resolve("out"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("earlier").contains("summary.json").doesNotContain("\tat ");
    assertThat(tmp.resolve("out/validation.json")).doesNotExist();

    r = rescore(tmp, tmp.resolve("nowhere"), tmp.resolve("out"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--rescore").contains("no such directory");
  }

  @Test
  void refusesToWriteOverTheEarlierValidation(@TempDir Path tmp) throws Exception {
    Path earlier = Files.createDirectories(tmp.resolve("earlier"));
    Files.writeString(earlier.resolve("validation.json"), "{\"status\": \"scored\"}\n");
    String before = Files.readString(earlier.resolve("validation.json"));
    Gradesim.Result r = rescore(tmp, earlier, earlier);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--out");
    assertThat(earlier.resolve("validation.json")).content().isEqualTo(before);
  }
}
