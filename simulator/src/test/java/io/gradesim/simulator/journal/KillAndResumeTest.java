package io.gradesim.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.simulator.output.RunOutputWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at a random point (seeded) and resumed ends with outputs
 * byte-identical to an uninterrupted run: ten kill points in a row, each in a child JVM.
 */
class KillAndResumeTest {
  static final int SUBMISSIONS = 6_000;
  static final long SEED = 11;
  static final List<String> FILES = List.of(RunOutputWriter.SUBMISSIONS,
      RunOutputWriter.TIMESERIES, RunOutputWriter.SUMMARY);

  @TempDir Path dir;

  @Test
  void resumedRunsMatchAnUninterruptedRunAtTenKillPoints() throws Exception {
    Path reference = dir.resolve("reference");
    long events = lastProgress(run("ref", reference, Long.MAX_VALUE, "none"));
    SplittableRandom rnd = new SplittableRandom(2024);
    int killedMidRun = 0;
    for (int k = 0; k < 10; k++) {
      String id = "kill-" + k;
      Path out = dir.resolve(id);
      long killAt = rnd.nextLong(events);
      Child first = run(id, out, killAt, "h2");
      if (first.killed) {
        killedMidRun++;
        Child resumed = run(id, out, Long.MAX_VALUE, "h2");
        assertThat(resumed.exit).as("resume of %s killed after %d events: %s", id, killAt,
            resumed.lines).isZero();
      } else {
        assertThat(first.exit).as("%s, not killed: %s", id, first.lines).isZero();
      }
      for (String f : FILES) {
        assertThat(Files.readAllBytes(out.resolve(f))).as("%s of %s killed at %d", f, id, killAt)
            .isEqualTo(Files.readAllBytes(reference.resolve(f)));
      }
    }
    assertThat(killedMidRun).as("children killed before their run ended").isGreaterThanOrEqualTo(8);
    try (RunJournal journal = RunJournal.open(JournalTarget.h2(dir.resolve("home")))) {
      assertThat(journal.runIds()).hasSize(10);
      for (int k = 0; k < 10; k++) {
        assertThat(journal.state("kill-" + k).status()).isEqualTo(RunState.Status.FINISHED);
      }
    }
  }

  record Child(int exit, boolean killed, List<String> lines) {}

  static long lastProgress(Child c) {
    assertThat(c.exit).as("reference run: %s", c.lines).isZero();
    String last = c.lines.get(c.lines.size() - 1);
    return Long.parseLong(last.substring("done ".length()));
  }

  /** Runs the child; kills it (SIGKILL) once it reports {@code killAt} simulated events. */
  Child run(String id, Path out, long killAt, String journal) throws IOException,
      InterruptedException {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        KillableRunMain.class.getName(), dir.resolve("home").toString(), id,
        Long.toString(SEED), Integer.toString(SUBMISSIONS), out.toString(), journal);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    boolean killed = false;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        if (killAt == 0 || line.startsWith("progress ")
            && Long.parseLong(line.substring(9)) >= killAt) {
          p.destroyForcibly();
          killed = true;
          break;
        }
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    int exit = p.waitFor();
    // A child that ended on its own just before the kill exits 0: it was not killed.
    return new Child(exit, killed && exit != 0, lines);
  }
}
