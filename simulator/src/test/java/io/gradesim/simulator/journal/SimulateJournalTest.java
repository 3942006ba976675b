package io.gradesim.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.cli.GradesimCommand;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulate --journal/--run-id} and the {@code runs} commands, end to end. */
class SimulateJournalTest {
  static final List<String> FILES = List.of("submissions.csv", "timeseries.csv", "summary.json");

  @TempDir Path dir;
  Path trace;
  Path scenario;
  String homeBefore;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void inputs() throws IOException {
    homeBefore = System.getProperty("gradesim.home");
    System.setProperty("gradesim.home", dir.resolve("home").toString());
    trace = dir.resolve("trace.csv");
    PoissonArrivals arrivals = new PoissonArrivals(6_000, 1.6, 42, "t");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (Submission s = arrivals.next(); s != null; s = arrivals.next()) {
        w.write(s);
      }
      w.commit();
    }
    scenario = dir.resolve("pool.conf");
    Files.writeString(scenario, "agents = 2\ncores = 4\nslots = 4\n"
        + "costs { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }\n"
        + "grading.default = \"lognormal:median=3s,sigma=0.5\"\noutput.bucket-s = 30\n");
  }

  @AfterEach
  void restore() {
    if (homeBefore == null) {
      System.clearProperty("gradesim.home");
    } else {
      System.setProperty("gradesim.home", homeBefore);
    }
  }

  static Result gradesim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  List<String> simulateArgs(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("simulate", "--trace", trace.toString(),
        "--scenario", scenario.toString(), "--seed", "3", "--out", out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  Result simulate(Path out, String... more) {
    return gradesim(simulateArgs(out, more).toArray(String[]::new));
  }

  static void assertSameOutputs(Path actual, Path expected) throws IOException {
    for (String f : FILES) {
      assertThat(Files.readAllBytes(actual.resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(expected.resolve(f)));
    }
  }

  @Test
  void journaledRunsCanBeListedShownExportedAndDeleted() throws IOException {
    Result none = simulate(dir.resolve("none"), "--journal", "none");
    assertThat(none.code()).as(none.err()).isZero();
    Result a = simulate(dir.resolve("a"), "--run-id", "exam-a");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).contains("exam-a");
    assertSameOutputs(dir.resolve("a"), dir.resolve("none"));

    Result again = simulate(dir.resolve("again"), "--run-id", "exam-a");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("run exam-a is finished").contains("runs export");

    Result list = gradesim("runs", "list");
    assertThat(list.out()).containsPattern("exam-a +pool.conf +\\S*trace.csv +finished");
    Result export = gradesim("runs", "export", "exam-a", "--out", dir.resolve("x").toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertSameOutputs(dir.resolve("x"), dir.resolve("a"));

    Result timeline = gradesim("runs", "events", "exam-a", "--submission", "s10");
    assertThat(timeline.code()).as(timeline.err()).isZero();
    assertThat(timeline.out().lines().map(l -> l.split(" +")[2]).toList()).startsWith(
        "SubmissionArrived", "SubmissionQueued").contains("SubmissionDispatched",
        "GradingFinished", "ResultDelivered");
    assertThat(gradesim("runs", "show", "exam-a").out()).contains("status       finished")
        .contains("seed         3");
    assertThat(gradesim("runs", "delete", "exam-a").code()).isZero();
    assertThat(gradesim("runs", "show", "exam-a").code()).isEqualTo(2);
  }

  @Test
  void deletingRunsGivesTheirSpaceBackAndKeepsTheOthers() throws IOException {
    for (String id : List.of("d1", "d2", "keep")) {
      Result r = simulate(dir.resolve(id), "--run-id", id);
      assertThat(r.code()).as(r.err()).isZero();
    }
    Path file = dir.resolve("home").resolve("journal").resolve("runs.mv.db");
    long before = Files.size(file);

    Result typo = gradesim("runs", "delete", "d1", "d3");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("no run 'd3'").contains("nothing deleted");
    assertThat(gradesim("runs", "list").out()).contains("d1 ").contains("d2 ").contains("keep ");

    Result del = gradesim("runs", "delete", "d1", "d2");
    assertThat(del.code()).as(del.err()).isZero();
    assertThat(del.out()).contains("deleted run d1").contains("deleted run d2")
        .containsPattern("compacted journal .*runs.mv.db: [0-9.]+ MB -> [0-9.]+ MB");
    // Two of three runs gone: the file, append-only while written, shrinks by more than half.
    assertThat(Files.size(file)).isLessThan(before / 2);
    assertThat(gradesim("runs", "list").out()).doesNotContain("d1 ").doesNotContain("d2 ")
        .contains("keep ");
    Result export = gradesim("runs", "export", "keep", "--out", dir.resolve("kx").toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertSameOutputs(dir.resolve("kx"), dir.resolve("keep"));
  }

  @Test
  void simulateKilledWithSigkillResumesToIdenticalOutputs() throws Exception {
    Result none = simulate(dir.resolve("none"), "--journal", "none");
    assertThat(none.code()).as(none.err()).isZero();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int k = 0; k < 2; k++) {
      Path out = dir.resolve("k" + k);
      Process p = child(out, "kill-" + k);
      // A seeded point in the first seconds of the child (JVM start, journal open, simulation).
      Thread.sleep(1_000 + rnd.nextLong(6_000));
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
      Process resumed = child(out, "kill-" + k);
      assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(resumed.exitValue()).as(new String(resumed.getInputStream().readAllBytes()))
          .isZero();
      assertSameOutputs(out, dir.resolve("none"));
    }
  }

  Process child(Path out, String runId) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dgradesim.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"),
        GradesimCommand.class.getName()));
    cmd.addAll(simulateArgs(out, "--run-id", runId));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }
}
