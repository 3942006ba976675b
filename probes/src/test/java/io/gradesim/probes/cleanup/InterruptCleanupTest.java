package io.gradesim.probes.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.RequireRuntime;
import io.gradesim.probes.runtime.Runtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe in a child JVM is interrupted mid-run (SIGINT, as Ctrl-C) or killed (SIGKILL, a crash);
 * afterwards nothing it labelled may remain: containers, cgroups, mounts, scratch.
 */
class InterruptCleanupTest {

  private static Process probe(Path out) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A JVM that inherits SIGINT ignored (any build started in the background by a script)
    // keeps it ignored and never runs its shutdown hooks on SIGINT: restore the default.
    return new ProcessBuilder(
            "env",
            "--default-signal=INT",
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "io.gradesim.probes.cli.ProbeCommand",
            "--runtime",
            "runc,crun,unshare",
            "--concurrency",
            "2",
            "--repeat",
            "10000",
            "--warmup",
            "0",
            "--out",
            out.toString())
        .redirectErrorStream(true)
        .redirectOutput(out.resolve("child.log").toFile())
        .start();
  }

  /**
   * Waits until the child has a container of its own in runc (so the interrupt lands mid-run):
   * defined by the child's progress alone, it fails only when the child ends without one. Between
   * looks it waits on the child itself, which returns at once should it exit.
   */
  private static void awaitContainers(Process child) throws Exception {
    String label = "gradesim-probe-" + child.pid() + "-";
    while (child.isAlive()) {
      if (HostCommand.run(List.of("runc", "list", "-q")).stdout().contains(label)) {
        return;
      }
      child.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("the child probe ended without creating a runc container");
  }

  private static void assertNothingLeft(long pid) throws Exception {
    String label = "gradesim-probe-" + pid + "-";
    Predicate<String> ofChild = s -> s.contains(label);
    assertThat(HostCommand.run(List.of("runc", "list", "-q")).stdout()).doesNotContain(label);
    assertThat(HostCommand.run(List.of("crun", "list", "-q")).stdout()).doesNotContain(label);
    assertThat(HostSweep.cgroups(ofChild)).isEmpty();
    assertThat(HostSweep.mounts(ofChild)).isEmpty();
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(ofChild);
    }
  }

  @Test
  void removesEverythingWhenInterruptedMidRun(@TempDir Path out) throws Exception {
    RequireRuntime.driver(Runtime.RUNC);
    RequireRuntime.driver(Runtime.CRUN);
    Process child = probe(out);
    try {
      awaitContainers(child);
      HostCommand.check(List.of("kill", "-INT", Long.toString(child.pid())));
      assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("child exits after SIGINT").isTrue();
      assertNothingLeft(child.pid());
      assertThat(out.resolve("probe.csv")).as("no CSV from an interrupted probe").doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void nextProbeSweepsWhatACrashedOneLeft(@TempDir Path out) throws Exception {
    RequireRuntime.driver(Runtime.RUNC);
    RequireRuntime.driver(Runtime.CRUN);
    Process child = probe(out);
    try {
      awaitContainers(child);
      child.destroyForcibly().waitFor();
      Janitor.sweepOrphans(
          List.of(Runtime.RUNC.driver(), Runtime.CRUN.driver(), Runtime.UNSHARE.driver()));
      assertNothingLeft(child.pid());
    } finally {
      child.destroyForcibly();
    }
  }
}
