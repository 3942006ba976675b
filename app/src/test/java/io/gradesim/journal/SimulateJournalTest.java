package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.cli.GradesimCommand;
import io.gradesim.simulator.bench.PoissonArrivals;
import io.gradesim.simulator.output.RunOutputWriter;
import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulate --journal/--run-id} and the {@code runs} commands, end to end. */
class SimulateJournalTest {
  static final List<String> FILES = RunOutputWriter.FILES;

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
    writeTrace(trace, 6_000);
    scenario = dir.resolve("pool.conf");
    Files.writeString(
        scenario,
        "agents = 2\ncores = 4\nslots = 4\n"
            + "costs { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }\n"
            + "grading.default = \"lognormal:median=3s,sigma=0.5\"\noutput.bucket-s = 30\n");
  }

  static void writeTrace(Path file, int submissions) throws IOException {
    PoissonArrivals arrivals = new PoissonArrivals(submissions, 1.6, 42, "t");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(file)) {
      for (Submission s = arrivals.next(); s != null; s = arrivals.next()) {
        w.write(s);
      }
      w.commit();
    }
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
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--trace",
                trace.toString(),
                "--scenario",
                scenario.toString(),
                "--seed",
                "3",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  Result simulate(Path out, String... more) {
    return gradesim(simulateArgs(out, more).toArray(String[]::new));
  }

  static void assertSameOutputs(Path actual, Path expected) throws IOException {
    for (String f : FILES) {
      assertThat(Files.readAllBytes(actual.resolve(f)))
          .as(f)
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
    assertThat(timeline.out().lines().map(l -> l.split(" +")[2]).toList())
        .startsWith("SubmissionArrived", "SubmissionQueued")
        .contains("SubmissionDispatched", "GradingFinished", "ResultDelivered");
    assertThat(gradesim("runs", "show", "exam-a").out())
        .contains("status       finished")
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
    assertThat(del.out())
        .contains("deleted run d1")
        .contains("deleted run d2")
        .containsPattern("compacted journal .*runs.mv.db: [0-9.]+ MB -> [0-9.]+ MB");
    // Two of three runs gone: the file, append-only while written, shrinks by more than half.
    assertThat(Files.size(file)).isLessThan(before / 2);
    assertThat(gradesim("runs", "list").out())
        .doesNotContain("d1 ")
        .doesNotContain("d2 ")
        .contains("keep ");
    Result export = gradesim("runs", "export", "keep", "--out", dir.resolve("kx").toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertSameOutputs(dir.resolve("kx"), dir.resolve("keep"));
  }

  /**
   * The real {@code simulate} command in a child JVM, paused ({@link PausePoint}) and killed with
   * SIGKILL at each phase boundary of a run of 1.5 chunks (its start persisted but no chunk, a
   * seeded event after the first chunk, every event persisted but not the end, the end persisted),
   * then resumed: the journal holds exactly what was persisted before the pause and the outputs
   * equal those of an uninterrupted run; a run killed after its end was persisted is refused as
   * finished and exports the same outputs.
   */
  @Test
  void simulateKilledWithSigkillAtEachPhaseResumesToIdenticalOutputs() throws Exception {
    trace = dir.resolve("longer.csv");
    writeTrace(trace, 12_000);
    Result ref = simulate(dir.resolve("ref"), "--run-id", "ref");
    assertThat(ref.code()).as(ref.err()).isZero();
    long total = journaledEvents(gradesim("runs", "show", "ref"));
    int chunk = RunRecorder.CHUNK;
    assertThat(total).as("events of the run").isGreaterThan(chunk + 3L);
    long mid = chunk + 2 + new SplittableRandom(7).nextLong(total - chunk - 3);
    List<KillPoint> points =
        List.of(
            KillPoint.phase("started", RunState.Status.RUNNING, 1),
            KillPoint.event(mid),
            KillPoint.phase("closing", RunState.Status.RUNNING, total - 1),
            KillPoint.phase("finished", RunState.Status.FINISHED, total));
    assertThat(points.get(1).journaled()).isEqualTo(1 + chunk);
    for (int k = 0; k < points.size(); k++) {
      KillPoint p = points.get(k);
      String id = "kill-" + k;
      Path out = dir.resolve(id);
      try (ChildJvm child =
          ChildJvm.start(
              id + " (pause at " + p.pauseAt() + ")",
              p.pauseAt(),
              List.of("-Dgradesim.home=" + dir.resolve("home")),
              GradesimCommand.class,
              simulateArgs(out, "--run-id", id))) {
        assertThat(child.awaitLine("gradesim-test: paused at "))
            .as(child.output())
            .startsWith("gradesim-test: paused at " + p.where() + " of run " + id);
        assertThat(child.kill())
            .as("%s killed by SIGKILL at %s", id, p.pauseAt())
            .isEqualTo(ChildJvm.KILLED);
      }
      Result show = gradesim("runs", "show", id);
      assertThat(show.out())
          .as("%s killed at %s", id, p.pauseAt())
          .contains("status       " + p.status().name().toLowerCase(Locale.ROOT));
      assertThat(journaledEvents(show))
          .as("%s killed at %s", id, p.pauseAt())
          .isEqualTo(p.journaled());
      Result resumed = simulate(out, "--run-id", id);
      if (p.status() == RunState.Status.FINISHED) {
        assertThat(resumed.code()).isEqualTo(2);
        assertThat(resumed.err()).contains("run " + id + " is finished");
        Path export = dir.resolve(id + "-export");
        Result x = gradesim("runs", "export", id, "--out", export.toString());
        assertThat(x.code()).as(x.err()).isZero();
        assertSameOutputs(export, dir.resolve("ref"));
      } else {
        assertThat(resumed.code())
            .as("resume of %s killed at %s: %s", id, p.pauseAt(), resumed.err())
            .isZero();
      }
      assertSameOutputs(out, dir.resolve("ref"));
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .as("files of %s", id)
            .noneMatch(f -> f.endsWith(".partial"));
      }
    }
  }

  static long journaledEvents(Result show) {
    assertThat(show.code()).as(show.err()).isZero();
    return Long.parseLong(
        show.out()
            .lines()
            .filter(l -> l.startsWith("events "))
            .findFirst()
            .orElseThrow()
            .substring("events ".length())
            .trim());
  }
}
