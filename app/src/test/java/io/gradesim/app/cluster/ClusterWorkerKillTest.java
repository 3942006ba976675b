package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.journal.ChildJvm;
import io.gradesim.journal.RunState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 40-run {@code compare --cluster} sweep on a coordinator and two worker JVMs on loopback,
 * journaled into the real PostgreSQL: the first worker is paused in the middle of its first run
 * (its start journaled) until the coordinator has stored 5 runs from the other worker, then killed
 * with SIGKILL. The failure detector and the split-brain resolver down it, its two runs (the held
 * one and the one waiting behind it) are queued again, the held one resumed from the journal by the
 * other worker, and every run's outputs equal the same sweep's run locally, byte for byte. Every
 * ordering comes from the processes' lines, none from time.
 */
class ClusterWorkerKillTest {
  @TempDir Path dir;

  @Test
  void aWorkerKilledMidRunHasItsRunResumedElsewhereWithIdenticalOutputs() throws Exception {
    String url = ClusterFixture.postgres();
    try (ClusterFixture f = new ClusterFixture(dir)) {
      Path ref = dir.resolve("ref");
      f.local(ref);
      Path out = dir.resolve("out");
      try {
        ClusterFixture.Node a = f.node("worker a", 0, url, f.secret, "event:200");
        ChildJvm coordinator =
            f.start(
                "coordinator",
                null,
                f.compare(
                    out,
                    "--cluster",
                    "127.0.0.1:" + a.port(),
                    "--cluster-secret-file",
                    f.secret.toString(),
                    "--journal",
                    url));
        String paused = a.jvm().awaitLine("gradesim-test: paused at ");
        assertThat(paused).startsWith("gradesim-test: paused at event 200 of run ");
        String held = paused.substring(paused.lastIndexOf(' ') + 1);
        ClusterFixture.Node b = f.node("worker b", a.port(), url, f.secret, null);
        coordinator.awaitLine("compare: run 5 of 40 done");
        assertThat(a.jvm().kill()).isEqualTo(ChildJvm.KILLED);
        assertThat(
                coordinator.awaitLine(
                    "compare: the worker at 127.0.0.1:" + a.port() + " left the cluster"))
            .endsWith("its 2 unfinished runs are queued again"); // the held one and the next
        assertThat(coordinator.awaitExit()).as(coordinator.output()).isZero();
        f.assertSameOutputs(out, ref);
        // The held run was resumed on b, which simulated every run once; a finished none.
        List<String> simulated = ClusterFixture.lines(b.jvm().output(), "simulated run ");
        assertThat(simulated).hasSize(ClusterFixture.RUNS);
        assertThat(simulated).anyMatch(l -> l.startsWith("simulated run " + held + " "));
        assertThat(ClusterFixture.lines(a.jvm().output(), "simulated run ")).isEmpty();
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
