package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradesim plan} refuses a bad space naming file and key, and an output that is an input.
 */
class PlanCommandTest {
  @Test
  void badSpaceExitsTwoNamingFileAndKey(@TempDir Path tmp) throws Exception {
    Path trace =
        Files.writeString(
            tmp.resolve("t.csv"), "id,submitted_at,course,task\ns1,2024-03-08T09:00:00Z,c,t\n");
    Files.writeString(tmp.resolve("base.conf"), "agents = 1\n");
    Path space =
        Files.writeString(
            tmp.resolve("space.conf"),
            "base = base.conf\nshapes = [ { name = a, cores = 1, memory-mb = 1024,"
                + " price-per-hour = 1 } ]\nagents { min = 3, max = 2 }\n");
    Gradesim.Result r =
        Gradesim.run(
            "plan",
            "--trace",
            trace.toString(),
            "--space",
            space.toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("space.conf").contains("agents.max");
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(tmp.resolve("out")).doesNotExist();

    Files.writeString(space, "base = base.conf\nshapes = []\nwarp = 1\n");
    r =
        Gradesim.run(
            "plan",
            "--trace",
            trace.toString(),
            "--space",
            space.toString(),
            "--out",
            tmp.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("space.conf").contains("warp");
  }

  @Test
  void refusesAnOutputThatIsAnInput(@TempDir Path tmp) throws Exception {
    Path trace =
        Files.writeString(
            tmp.resolve("plan.csv"), "id,submitted_at,course,task\ns1,2024-03-08T09:00:00Z,c,t\n");
    String before = Files.readString(trace);
    Files.writeString(tmp.resolve("base.conf"), "agents = 1\n");
    Path space =
        Files.writeString(
            tmp.resolve("space.conf"),
            "base = base.conf\nshapes = [ { name = a, cores = 1, memory-mb = 1024,"
                + " price-per-hour = 1 } ]\nagents { min = 1, max = 2 }\n");
    Gradesim.Result r =
        Gradesim.run(
            "plan",
            "--trace",
            trace.toString(),
            "--space",
            space.toString(),
            "--out",
            tmp.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--trace");
    assertThat(Files.readString(trace)).isEqualTo(before);
  }
}
