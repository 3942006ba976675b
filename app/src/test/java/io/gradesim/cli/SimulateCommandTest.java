package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The simulate command end to end, in-process: outputs, determinism, Little's law, bad input. */
class SimulateCommandTest {
  @TempDir static Path dir;
  static Path trace;
  static Path scenario;

  /** Result of one command: exit code and what it printed. */
  record Result(int code, String out, String err) {}

  @BeforeAll
  static void writeInputs() throws IOException {
    trace = dir.resolve("trace.csv");
    PoissonArrivals arrivals = new PoissonArrivals(20_000, 1.6, 42, "t");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      int i = 0;
      for (Submission s = arrivals.next(); s != null; s = arrivals.next()) {
        // users submit twice in a row for the same task, so admission has something to refuse
        int pair = i++ / 2;
        w.write(
            new Submission(
                s.id(),
                s.submittedAt(),
                "c",
                "t" + (pair % 3),
                List.of("u" + (pair % 3000)),
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null));
      }
      w.commit();
    }
    scenario = dir.resolve("pool.conf");
    Files.writeString(
        scenario,
        "agents = 2\ncores = 4\nslots = 4\n"
            + "costs { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }\n"
            + "admission = reject\ngrading.default = \"lognormal:median=3s,sigma=0.5\"\n"
            + "failures { mtbf = 1h, repair = 5min, detection = 6s }\n"
            + "output.bucket-s = 30\n");
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static Result simulate(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--trace",
                trace.toString(),
                "--scenario",
                scenario.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void theSameInputsGiveByteIdenticalOutputs() throws IOException {
    Result a = simulate(dir.resolve("a"), "--seed", "5");
    Result b = simulate(dir.resolve("b"), "--seed", "5");
    Result c = simulate(dir.resolve("c"), "--seed", "6");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(b.code()).isZero();
    for (String f :
        List.of(
            "submissions.csv", "timeseries.csv", "wait.hlog", "feedback.hlog", "summary.json")) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
    }
    assertThat(Files.readString(dir.resolve("c/summary.json")))
        .isNotEqualTo(Files.readString(dir.resolve("a/summary.json")));
    assertThat(a.out()).contains("submissions").contains("20,000");
    assertThat(Files.readString(dir.resolve("a/summary.json")))
        .contains("\"grading_sources\"")
        .contains("\"t1\" : \"scenario\"")
        .containsPattern("\"rejected\" : [1-9]")
        .containsPattern("\"crash\" : [1-9]");
    assertThat(dir.resolve("a/perf.json")).exists();
  }

  @Test
  void littlesLawHoldsOnTheTimeSeries() throws IOException {
    Path out = dir.resolve("little");
    assertThat(simulate(out, "--set", "admission=off").code()).isZero();
    double area = 0;
    double span = 0;
    List<String> rows = Files.readAllLines(out.resolve("timeseries.csv"));
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      span += Double.parseDouble(f[1]);
      area += Double.parseDouble(f[2]) * Double.parseDouble(f[1]);
    }
    double meanQueue = area / span;
    String summary = Files.readString(out.resolve("summary.json"));
    double meanWait = number(summary, "wait_mean_s");
    double lambda = 20_000 / number(summary, "duration_s");
    System.out.printf(
        "Little: L = %.4f from timeseries.csv, lambda W = %.4f%n", meanQueue, lambda * meanWait);
    assertThat(meanQueue).isGreaterThan(0.1);
    assertThat(Math.abs(meanQueue - lambda * meanWait)).isLessThan(0.02 * lambda * meanWait);
  }

  @Test
  void anUnknownScenarioKeyExitsTwoNamingFileLineAndKey() throws IOException {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "agents = 2\nslotz = 4\n");
    Path out = dir.resolve("bad-out");
    Result r =
        run(
            "simulate",
            "--trace",
            trace.toString(),
            "--scenario",
            bad.toString(),
            "--out",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.conf:2").contains("unknown key 'slotz'");
    assertThat(out.resolve("summary.json")).doesNotExist();
    Result set = simulate(out, "--set", "cores=many");
    assertThat(set.code()).isEqualTo(2);
    assertThat(set.err()).contains("--set cores=many").contains("cores");
  }

  @Test
  void aBadTraceRowExitsTwoNamingLineAndFieldAndLeavesNoFinishedRun() throws IOException {
    Path badTrace = dir.resolve("bad.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(trace).subList(0, 50));
    lines.set(30, lines.get(30).replaceFirst(",20\\d\\d-", ",yesterday-"));
    Files.write(badTrace, lines);
    Path out = dir.resolve("bad-trace-out");
    Result r =
        run(
            "simulate",
            "--trace",
            badTrace.toString(),
            "--scenario",
            scenario.toString(),
            "--out",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv:31").contains("submitted_at");
    assertThat(out.resolve("summary.json")).doesNotExist();
    assertThat(out.resolve("submissions.csv")).doesNotExist();
  }

  @Test
  void anUnknownJournalIsRefused() {
    Result r = simulate(dir.resolve("j"), "--journal", "mongodb://x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--journal: expected h2, none or a jdbc:postgresql:// URL");
  }

  static double number(String json, String key) {
    int at = json.indexOf("\"" + key + "\"");
    String rest = json.substring(json.indexOf(':', at) + 1).trim();
    return Double.parseDouble(rest.substring(0, rest.indexOf(',')).trim());
  }
}
