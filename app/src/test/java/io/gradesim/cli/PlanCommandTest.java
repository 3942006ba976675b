package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.simulator.output.SummaryKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradesim plan} refuses a bad space naming file and key, and an output that is an input;
 * its {@code --close} reaches the closed-loop admission of every run.
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

  @Test
  void closeReachesTheClosedLoopAdmissionOfEveryRun(@TempDir Path tmp) throws Exception {
    // 20 students, one submission each, every 30 s from 09:00:00 to 09:09:30: closing at
    // 09:05:00 leaves the 9 that arrive after it unsent; by default the exam closes after the last.
    StringBuilder csv = new StringBuilder("id,submitted_at,course,task,users\n");
    for (int i = 0; i < 20; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "s%d,2024-03-08T09:%02d:%02d.000Z,c,t,u%d%n",
              i,
              i * 30 / 60,
              i * 30 % 60,
              i));
    }
    Path trace = Files.writeString(tmp.resolve("t.csv"), csv);
    Files.writeString(
        tmp.resolve("base.conf"),
        "agents = 1\ncores = 1\nmemory-mb = 4096\nseed = 7\nadmission = closed-loop\n"
            + "costs { create = 100ms, start = 200ms, exec = 50ms, remove = 50ms }\n"
            + "grading.default = \"lognormal:median=2s,sigma=0.5\"\n");
    Path space =
        Files.writeString(
            tmp.resolve("space.conf"),
            "base = base.conf\nshapes = [ { name = a, cores = 1, memory-mb = 4096,"
                + " price-per-hour = 1 } ]\nagents { min = 1, max = 1 }\n");

    Gradesim.Result closed = plan(trace, space, tmp.resolve("closed"), "2024-03-08T09:05:00Z");
    Gradesim.Result open = plan(trace, space, tmp.resolve("open"), null);

    assertThat(closed.exit()).as(closed.err()).isZero();
    assertThat(open.exit()).as(open.err()).isZero();
    List<String> runs;
    try (Stream<Path> dirs = Files.list(tmp.resolve("closed/runs/1x"))) {
      runs = dirs.map(d -> d.getFileName().toString()).sorted().toList();
    }
    assertThat(runs).as("today's pool and the space's one candidate").hasSize(2).contains("today");
    for (String run : runs) {
      for (int r = 0; r < 2; r++) {
        assertThat(neverSent(tmp.resolve("closed/runs/1x").resolve(run).resolve("r" + r)))
            .as("%s r%d with --close", run, r)
            .isEqualTo(9);
        assertThat(neverSent(tmp.resolve("open/runs/1x").resolve(run).resolve("r" + r)))
            .as("%s r%d without --close", run, r)
            .isZero();
      }
    }
  }

  private static Gradesim.Result plan(Path trace, Path space, Path out, String close) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                "--trace",
                trace.toString(),
                "--space",
                space.toString(),
                "--replications",
                "2",
                "--parallel",
                "1",
                "--out",
                out.toString()));
    if (close != null) {
      args.addAll(List.of("--close", close));
    }
    return Gradesim.run(args.toArray(String[]::new));
  }

  private static long neverSent(Path run) throws Exception {
    return new ObjectMapper()
        .readTree(run.resolve(RunOutputWriter.SUMMARY).toFile())
        .get(SummaryKey.NEVER_SENT.key())
        .asLong();
  }
}
