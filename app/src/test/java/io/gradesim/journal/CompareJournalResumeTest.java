package io.gradesim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.cli.GradesimCommand;
import io.gradesim.report.CompareReport;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --journal}: a sweep killed with SIGKILL (first after its first run's end was
 * persisted, then in the middle of its second run, one chunk persisted) and started again with the
 * same command does not run again the run the journal holds as finished, resumes the other, and
 * ends with outputs byte-identical to an uninterrupted sweep without journal. The kills are placed
 * by the runs' progress ({@link PausePoint}), never by time.
 */
class CompareJournalResumeTest {
  private static final List<String> NAMES = List.of("one", "two", "three");

  @TempDir Path dir;
  Path trace;
  List<Path> scenarios = new ArrayList<>();
  String homeBefore;

  @BeforeEach
  void inputs() throws IOException {
    homeBefore = System.getProperty("gradesim.home");
    System.setProperty("gradesim.home", dir.resolve("home").toString());
    trace = dir.resolve("exam.csv");
    SimulateJournalTest.writeTrace(trace, 12_000);
    for (int i = 0; i < NAMES.size(); i++) {
      Path s = dir.resolve(NAMES.get(i) + ".conf");
      Files.writeString(
          s,
          "agents = "
              + (2 + i)
              + "\ncores = 4\nslots = 4\nseed = "
              + (11 + i)
              + "\ncosts { create = \"uniform:min=50ms,max=150ms\", start = 300ms, remove = 20ms }"
              + "\ngrading.default = \"lognormal:median=3s,sigma=0.5\"\noutput.bucket-s = 30\n");
      scenarios.add(s);
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

  private List<String> compareArgs(Path out, String journal) {
    List<String> args = new ArrayList<>(List.of("compare", "--trace", trace.toString()));
    scenarios.forEach(s -> args.add(s.toString()));
    args.addAll(List.of("--parallel", "1", "--journal", journal, "--out", out.toString()));
    return args;
  }

  private void killAt(String pauseAt, String where, Path out) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            "compare (pause at " + pauseAt + ")",
            pauseAt,
            List.of("-Dgradesim.home=" + dir.resolve("home")),
            GradesimCommand.class,
            compareArgs(out, "h2"))) {
      assertThat(child.awaitLine("gradesim-test: paused at "))
          .as(child.output())
          .startsWith("gradesim-test: paused at " + where + " of run ");
      assertThat(child.kill()).isEqualTo(ChildJvm.KILLED);
    }
  }

  @Test
  void compareKilledTwiceResumesWithoutRunningFinishedRunsAgain() throws Exception {
    Path ref = dir.resolve("ref");
    SimulateJournalTest.Result r =
        SimulateJournalTest.gradesim(compareArgs(ref, "none").toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();

    Path out = dir.resolve("out");
    killAt("finished", "finished", out);
    assertThat(out.resolve("runs/one").resolve(RunOutputWriter.SUMMARY)).exists();
    assertThat(out.resolve("runs/two").resolve(RunOutputWriter.SUMMARY)).doesNotExist();
    killAt("event:" + (RunRecorder.CHUNK + 10), "event " + (RunRecorder.CHUNK + 10), out);
    assertThat(out.resolve("runs/two").resolve(RunOutputWriter.SUMMARY)).doesNotExist();

    SimulateJournalTest.Result resumed =
        SimulateJournalTest.gradesim(compareArgs(out, "h2").toArray(String[]::new));
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err())
        .contains("compare: 1 of 3 runs were already finished in journal")
        .contains("not run again");
    for (String name : NAMES) {
      for (String f : RunOutputWriter.FILES) {
        assertThat(Files.readAllBytes(out.resolve("runs").resolve(name).resolve(f)))
            .as(name + "/" + f)
            .isEqualTo(Files.readAllBytes(ref.resolve("runs").resolve(name).resolve(f)));
      }
    }
    assertThat(Files.readAllBytes(out.resolve(CompareReport.CSV)))
        .isEqualTo(Files.readAllBytes(ref.resolve(CompareReport.CSV)));
    SimulateJournalTest.Result list = SimulateJournalTest.gradesim("runs", "list");
    assertThat(list.out().lines().filter(l -> l.contains(" finished "))).hasSize(3);
  }
}
