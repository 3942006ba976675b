package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.app.system.GradesimSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command starts at most one actor system, and one that needs no actors none. */
class OneActorSystemTest {
  @TempDir Path tmp;

  private Gradesim.Result counted(int systems, String... args) {
    int before = GradesimSystem.startedInJvm();
    Gradesim.Result r = Gradesim.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(GradesimSystem.startedInJvm() - before)
        .as("actor systems started")
        .isEqualTo(systems);
    return r;
  }

  @Test
  void aCompareStartsOneActorSystem() throws Exception {
    Path trace = ReportFixtures.trace(tmp.resolve("trace.csv"));
    counted(
        1,
        "compare",
        "--trace",
        trace.toString(),
        "--parallel",
        "2",
        ReportFixtures.of("scenarios/small-runc.conf").toString(),
        ReportFixtures.of("scenarios/small-crun.conf").toString(),
        "--out",
        tmp.resolve("out").toString());
  }

  @Test
  void simulateStartsOneForItsJournalAndNoneWithout() throws Exception {
    Path trace = ReportFixtures.trace(tmp.resolve("trace.csv"));
    String scenario = ReportFixtures.of("scenarios/small-runc.conf").toString();
    String journal = "jdbc:h2:file:" + tmp.resolve("journal/runs");
    counted(
        0,
        "simulate",
        "--trace",
        trace.toString(),
        "--scenario",
        scenario,
        "--journal",
        "none",
        "--out",
        tmp.resolve("none").toString());
    counted(
        1,
        "simulate",
        "--trace",
        trace.toString(),
        "--scenario",
        scenario,
        "--journal",
        journal,
        "--run-id",
        "one",
        "--out",
        tmp.resolve("one").toString());
    assertThat(counted(1, "runs", "list", "--journal", journal).out()).contains("one");
    counted(0, "trace", "inspect", trace.toString());
  }
}
