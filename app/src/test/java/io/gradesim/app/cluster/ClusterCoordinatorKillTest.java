package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.journal.ChildJvm;
import io.gradesim.journal.RunState;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator of a 40-run {@code compare --cluster --journal} sweep on two worker JVMs, killed
 * with SIGKILL once it has stored 10 runs; the same command run again joins the same workers and
 * resumes: the runs the journal holds as finished are not run again (each run is simulated once
 * over both attempts, counted from the workers' lines; those the dead coordinator had handed out
 * finish on their worker and are exported from the journal), and every run's outputs equal the
 * local sweep's, byte for byte.
 */
class ClusterCoordinatorKillTest {
  private static final Pattern RESUMED =
      Pattern.compile("compare: (\\d+) of 40 runs were already finished in journal .*");

  @TempDir Path dir;

  @Test
  void aKilledCoordinatorResumesWithoutRunningFinishedRunsAgain() throws Exception {
    String url = ClusterFixture.postgres();
    try (ClusterFixture f = new ClusterFixture(dir)) {
      Path ref = dir.resolve("ref");
      f.local(ref);
      Path out = dir.resolve("out");
      try {
        ClusterFixture.Node a = f.node("worker a", 0, url, f.secret, null);
        ClusterFixture.Node b = f.node("worker b", a.port(), url, f.secret, null);
        List<String> args =
            f.compare(
                out,
                "--cluster",
                "127.0.0.1:" + a.port(),
                "--cluster-secret-file",
                f.secret.toString(),
                "--journal",
                url);
        ChildJvm first = f.start("coordinator", null, args);
        first.awaitLine("compare: run 10 of 40 done");
        assertThat(first.kill()).isEqualTo(ChildJvm.KILLED);

        ChildJvm again = f.start("coordinator again", null, args);
        assertThat(again.awaitExit()).as(again.output()).isZero();
        Matcher m =
            RESUMED.matcher(
                ClusterFixture.lines(again.output(), "compare: ").stream()
                    .filter(l -> l.contains("already finished"))
                    .findFirst()
                    .orElse(""));
        assertThat(m.matches()).as(again.output()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(10, 40);
        f.assertSameOutputs(out, ref);

        Map<String, Integer> simulations = new HashMap<>();
        Stream.of(a, b)
            .flatMap(n -> ClusterFixture.lines(n.jvm().output(), "simulated run ").stream())
            .forEach(l -> simulations.merge(l.split(" ")[2], 1, Integer::sum));
        assertThat(simulations.keySet()).containsExactlyInAnyOrderElementsOf(f.runIds());
        assertThat(simulations.values()).containsOnly(1);
        assertThat(f.states(url))
            .hasSize(ClusterFixture.RUNS)
            .containsOnly(RunState.Status.FINISHED);
      } finally {
        f.close();
        f.deleteRuns(url);
      }
    }
  }
}
