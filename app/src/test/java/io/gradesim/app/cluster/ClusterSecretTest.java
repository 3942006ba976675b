package io.gradesim.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.cli.GradesimCommand;
import io.gradesim.journal.ChildJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Joining a cluster needs its shared secret: a node and a sweep's coordinator with another secret
 * are refused by the node they ask to join and exit with code 2 saying so (the protocol gives up
 * within its 20 s join timeout; the test waits on the processes, never on a clock); without any
 * secret nothing starts.
 */
class ClusterSecretTest {
  @TempDir Path dir;

  @Test
  void aNodeOrASweepWithAnotherSecretIsRefused() throws Exception {
    try (ClusterFixture f = new ClusterFixture(dir)) {
      ClusterFixture.Node a = f.node("worker a", 0, "none", f.secret, null);
      Path wrong =
          ClusterFixture.writeSecret(dir.resolve("wrong"), "not-the-cluster-secret-at-all");
      ChildJvm b =
          f.start(
              "worker b",
              null,
              List.of(
                  "cluster",
                  "node",
                  "--port",
                  "0",
                  "--join",
                  "127.0.0.1:" + a.port(),
                  "--secret-file",
                  wrong.toString(),
                  "--stop-on-eof"));
      assertThat(b.awaitExit()).as(b.output()).isEqualTo(2);
      assertThat(b.output()).contains("gradesim: cluster node 127.0.0.1:");
      assertThat(b.output()).contains("the cluster refused this node: wrong secret");
      assertThat(b.output()).doesNotContain("Exception").doesNotContain("cluster node up at");

      Path out = dir.resolve("out");
      ChildJvm coordinator =
          f.start(
              "coordinator",
              null,
              f.compare(
                  out,
                  "--cluster",
                  "127.0.0.1:" + a.port(),
                  "--cluster-secret-file",
                  wrong.toString()));
      assertThat(coordinator.awaitExit()).as(coordinator.output()).isEqualTo(2);
      assertThat(coordinator.output())
          .contains("gradesim: compare --cluster: the cluster refused this node: wrong secret");
      assertThat(out.resolve("runs/s01/summary.json")).doesNotExist();
      assertThat(ClusterFixture.lines(a.jvm().output(), "simulated run ")).isEmpty();
    }
  }

  @Test
  void aMissingSecretFileStartsNoNode() {
    StringWriter err = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    int code =
        cl.execute(
            "cluster", "node", "--port", "0", "--secret-file", dir.resolve("nothing").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--secret-file").contains("no such file");
  }

  @Test
  void aShortSecretIsRefusedAndANewOneIsLongAndPrivate() throws Exception {
    Path shortOne = ClusterFixture.writeSecret(dir.resolve("short"), "pa55word");
    assertThatSecret(shortOne).contains("at least 16 are needed");
    Path made = dir.resolve("made");
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("cluster", "secret", "-o", made.toString())).isZero();
    assertThat(Files.readString(made).strip()).hasSize(64);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(made)))
        .isEqualTo("rw-------");
    String before = Files.readString(made);
    StringWriter err = new StringWriter();
    CommandLine again = GradesimCommand.commandLine();
    again.setErr(new PrintWriter(err, true));
    assertThat(again.execute("cluster", "secret", "-o", made.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("the file exists");
    assertThat(Files.readString(made)).isEqualTo(before);
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertThatSecret(Path file) {
    StringWriter err = new StringWriter();
    CommandLine cl = GradesimCommand.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("cluster", "node", "--port", "0", "--secret-file", file.toString()))
        .isEqualTo(2);
    return assertThat(err.toString());
  }
}
