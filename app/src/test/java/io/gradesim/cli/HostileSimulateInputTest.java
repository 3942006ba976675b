package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.testing.InputSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code simulate} on hostile input (issue groups 4, 5, 7 and 8): a trace row, scenario key or
 * profile value out of range is refused with one line naming file, line and field (or the {@code
 * --set}), exit code 2, before any output exists; the inputs stay as they were.
 */
class HostileSimulateInputTest {
  private static final String HEADER = "id,submitted_at,course,task,grading_ms\n";
  private static final String GOOD =
      "a,2024-01-15T09:31:00Z,c,t,1000\n" + "b,2024-01-15T09:32:00Z,c,t,1000\n";

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  @Test
  @Tag("hostile-4")
  @DisplayName("group 4: a trace row at 9999-12-31 or 1900-01-01 is refused before any output")
  void outOfRangeRowsAreRefusedBeforeOutputs() throws IOException {
    refusedTrace(
        GOOD + "c,9999-12-31T23:59:59.999Z,c,t,1000\n",
        ":4: submitted_at: out of range: 9999-12-31T23:59:59.999Z");
    refusedTrace(
        "z,1900-01-01T00:00:00Z,c,t,1000\n" + GOOD,
        ":2: submitted_at: out of range: 1900-01-01T00:00:00Z");
  }

  @Test
  @Tag("hostile-4")
  @DisplayName("group 4: a legal trace spanning 1970..2199 needs a larger bucket, said so")
  void aCenturiesLongTraceAsksForALargerBucket() throws IOException {
    Path trace =
        write(
            "trace.csv",
            HEADER + "a,1970-01-01T00:00:00Z,c,t,1000\n" + "b,2199-12-31T23:59:59Z,c,t,1000\n");
    Path scenario = write("pool.conf", "agents = 1\n");
    Result r =
        refused(
            List.of(trace, scenario),
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString());
    assertThat(r.err())
        .contains(scenario + ": output.bucket-s: the trace's arrivals span")
        .contains("timeseries.csv holds at most 2,000,000")
        .contains("--set output.bucket-s=3630 or more");
    Path out = dir.resolve("wide");
    Result ok =
        simulate(
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--set",
            "output.bucket-s=3630",
            "--out",
            out.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(out.resolve("timeseries.csv")).exists();
  }

  @Test
  @Tag("hostile-5")
  @DisplayName("group 5: submitted_at far in the future is an error, not a long overflow")
  void farFutureArrivalIsAClearError() throws IOException {
    refusedTrace(
        GOOD + "c,+50000-01-01T00:00:00Z,c,t,1000\n",
        ":4: submitted_at: out of range: +50000-01-01T00:00:00Z");
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: duplicate ids in a trace are refused naming both lines")
  void duplicateIdsAreRefused() throws IOException {
    refusedTrace(
        GOOD + "a,2024-01-15T09:33:00Z,c,t,1000\n",
        ":4: id: duplicate id 'a': line 2 has it already");
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: grading_ms over a day in a trace is refused naming the field")
  void gradingTimeOverADayIsRefused() throws IOException {
    refusedTrace(GOOD + "c,2024-01-15T09:33:00Z,c,t,9223372036854775807\n", ":4: grading_ms:");
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: cores = 2.5, --set cores=1.9, seed beyond a long, 2e9 agents")
  void outOfRangeScenarioNumbersAreRefused() throws IOException {
    Path trace = write("trace.csv", HEADER + GOOD);
    Path scenario = write("pool.conf", "agents = 1\ncores = 2.5\n");
    Result r =
        refused(
            List.of(trace, scenario),
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString());
    assertThat(r.err().strip())
        .isEqualTo(
            "gradesim: "
                + scenario
                + ":2: cores: expected a whole"
                + " number from -9223372036854775808 to 9223372036854775807, found '2.5'");

    Path plain = write("plain.conf", "agents = 1\n");
    r =
        refused(
            List.of(trace, plain),
            "--trace",
            trace.toString(),
            "--scenario",
            plain.toString(),
            "--set",
            "cores=1.9");
    assertThat(r.err())
        .contains("--set cores=1.9: cores: expected a whole number")
        .contains("found '1.9'");
    r =
        refused(
            List.of(trace, plain),
            "--trace",
            trace.toString(),
            "--scenario",
            plain.toString(),
            "--set",
            "seed=99999999999999999999");
    assertThat(r.err()).contains("--set seed=99999999999999999999: seed: expected a whole");
    r =
        refused(
            List.of(trace, plain),
            "--trace",
            trace.toString(),
            "--scenario",
            plain.toString(),
            "--set",
            "agents=2000000000");
    assertThat(r.err().strip())
        .isEqualTo(
            "gradesim: --set agents=2000000000: agents: must be a"
                + " whole number from 1 to 1000000, found 2000000000");
    r =
        refused(
            List.of(trace, plain),
            "--trace",
            trace.toString(),
            "--scenario",
            plain.toString(),
            "--set",
            "agents=1000000",
            "--set",
            "slots=4096");
    assertThat(r.err()).contains("agents: the pool would have 4,096,000,000 slots");
    r =
        refused(
            List.of(trace, plain),
            "--trace",
            trace.toString(),
            "--scenario",
            plain.toString(),
            "--set",
            "slots=5000");
    assertThat(r.err()).contains("--set slots=5000: slots: must be a whole number from 1 to 4096");
  }

  @Test
  @Tag("hostile-7")
  @DisplayName("group 7: an include of a missing file is an error naming it")
  void missingIncludeIsAnError() throws IOException {
    Path trace = write("trace.csv", HEADER + GOOD);
    Path scenario = write("pool.conf", "include \"base.conf\"\nagents = 1\n");
    Result r =
        refused(
            List.of(trace, scenario),
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString());
    assertThat(r.err())
        .contains(scenario.toString())
        .contains("include \"base.conf\": no such" + " file");
    Path bare = write("bare.conf", "include \"common\"\nagents = 1\n");
    r = refused(List.of(trace, bare), "--trace", trace.toString(), "--scenario", bare.toString());
    assertThat(r.err())
        .contains(
            "include \"common\": no common.conf, common.json or" + " common.properties found");
    write("base.conf", "cores = 3\n");
    Path out = dir.resolve("included");
    Result ok =
        simulate(
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--out",
            out.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
  }

  @Test
  @Tag("hostile-7")
  @Tag("hostile-8")
  @DisplayName("groups 7 and 8: a bad calibration profile is refused with its JSON line")
  void badProfileIsRefusedWithItsLine() throws IOException {
    Path trace = write("trace.csv", HEADER + GOOD);
    Path scenario = write("pool.conf", "agents = 1\nruntime = process\ncosts = profile\n");
    String profile =
        String.join(
            "\n",
            "{",
            "  \"schema\" : \"gradesim-calibration-profile\",",
            "  \"version\" : 1,",
            "  \"rows\" : [ {",
            "    \"runtime\" : \"process\",",
            "    \"stage\" : \"create\",",
            "    \"payload\" : \"true\",",
            "    \"concurrency\" : -3,",
            "    \"source\" : \"measured\",",
            "    \"fit\" : { \"family\" : \"lognormal\", \"params\" : { \"mu\" : 4, \"sigma\" : 1 } }",
            "  } ]",
            "}",
            "");
    Path bad = write("profile.json", profile);
    Result r =
        refused(
            List.of(trace, scenario, bad),
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--calibration",
            bad.toString());
    assertThat(r.err().strip())
        .isEqualTo(
            "gradesim: "
                + bad
                + ":8: concurrency: must be a whole"
                + " number of at least 1, found -3");
    Path broken = write("broken.json", profile.replace("\"stage\" : \"create\",", "\"stage\" :"));
    r =
        refused(
            List.of(trace, scenario, broken),
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString(),
            "--calibration",
            broken.toString());
    assertThat(r.err()).startsWith("gradesim: " + broken + ":7: not a calibration profile:");
  }

  private void refusedTrace(String rows, String expected) throws IOException {
    Path trace = write("trace.csv", HEADER + rows);
    Path scenario = write("pool.conf", "agents = 1\n");
    Result r =
        refused(
            List.of(trace, scenario),
            "--trace",
            trace.toString(),
            "--scenario",
            scenario.toString());
    assertThat(r.err().strip()).startsWith("gradesim: " + trace + expected);
  }

  /** Runs simulate expecting exit 2, one line, no output, inputs unchanged. */
  private Result refused(List<Path> inputs, String... args) throws IOException {
    List<String> before = hashes(inputs);
    Path out = dir.resolve("out");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--out", out.toString()));
    Result r = simulate(all.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip())
        .startsWith("gradesim: ")
        .hasLineCount(1)
        .doesNotContain("Exception");
    assertThat(hashes(inputs)).isEqualTo(before);
    assertThat(out).doesNotExist();
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(
              n ->
                  n.endsWith(".partial") || n.equals("timeseries.csv") || n.equals("summary.json"));
    }
    return r;
  }

  private Result simulate(String... args) {
    List<String> all = new ArrayList<>(List.of("simulate", "--journal", "none"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<String> hashes(List<Path> files) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      out.add(InputSnapshot.sha256(f));
    }
    return out;
  }
}
