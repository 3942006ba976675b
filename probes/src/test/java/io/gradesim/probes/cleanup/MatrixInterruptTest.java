package io.gradesim.probes.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.RequireRuntime;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.docker.DockerDriver;
import io.gradesim.probes.runtime.rootless.RootlessUser;
import io.gradesim.probes.thesis.HostResults;
import io.gradesim.traces.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code probe --matrix thesis} on a reduced matrix of three cheap configurations (the prototype,
 * rootless podman on overlay, rootful podman on a loop-mounted btrfs; busybox for all) in a child
 * JVM: SIGINT once its progress shows the second configuration's first round, then nothing of it
 * may be left (containers of runc, crun, docker and podman, image imports, mounts, loop devices,
 * the rootless user's processes, scratch folders, half-written results), and a second run skips
 * what the first measured, measures the rest and leaves nothing either. The rootless user may have
 * no process at all afterwards but those of other probes (labelled with their own pids).
 */
class MatrixInterruptTest {
  private static final List<String> ONLY =
      List.of(
          "contingious-alpine-crun-None",
          "podman-alpine-crun-overlay-rootless",
          "podman-alpine-crun-btrfs");
  private static final List<String> NAMES =
      List.of("prototype", "podman-busybox-crun-overlay-rootless", "podman-busybox-crun-btrfs");

  private static Process matrix(Path out, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The child restores SIGINT's default action (a JVM started with it ignored never runs its
    // shutdown hooks on SIGINT) and finds the thesis' files beside the project, as gradesim does.
    return new ProcessBuilder(
            "env",
            "--default-signal=INT",
            java,
            "-Dgradesim.root=" + SharedData.projectRoot(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.gradesim.probes.cli.ProbeCommand",
            "--matrix",
            "thesis",
            "--image",
            "busybox",
            "--rounds",
            "2",
            "--only",
            String.join(",", ONLY),
            "--out",
            out.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Waits until the child's output shows {@code marker}; fails if it ends first. */
  private static void awaitOutput(Process child, Path log, String marker) throws Exception {
    while (child.isAlive()) {
      if (Files.readString(log, StandardCharsets.UTF_8).contains(marker)) {
        return;
      }
      child.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError(
        "the matrix ended before showing '" + marker + "':\n" + Files.readString(log));
  }

  private static List<String> measured(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("probe.csv")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static void assertNothingLeft(long pid, Path out) throws Exception {
    String label = "gradesim-probe-" + pid + "-";
    Predicate<String> ofChild = s -> s.contains(label);
    for (List<String> listing :
        List.of(
            List.of("runc", "list", "-q"),
            List.of("crun", "list", "-q"),
            List.of(DockerDriver.CLIENT, "ps", "--all", "--format", "{{.Names}}"),
            List.of(DockerDriver.CLIENT, "images", "--format", "{{.Repository}}"),
            List.of("podman", "ps", "--all", "--format", "{{.Names}}"),
            List.of("podman", "images", "--format", "{{.Repository}}"),
            List.of("losetup", "--list", "--noheadings", "--output", "BACK-FILE"))) {
      assertThat(HostCommand.run(listing).stdout())
          .as(String.join(" ", listing))
          .doesNotContain(label);
    }
    assertThat(HostSweep.mounts(ofChild)).as("mounts").isEmpty();
    assertThat(HostSweep.cgroups(ofChild)).as("cgroups").isEmpty();
    // No process of the rootless user at all, but those another probe running beside this test
    // made (labelled with its own pid).
    RootlessUser user = RootlessUser.find().orElseThrow();
    // Listed before the labelled ones, so a process another test starts meanwhile is found
    // labelled; one that has ended by the second look, or is a killed process its new parent
    // (pid 1) has not reaped yet, is no leftover either.
    List<ProcessHandle> owned = user.owned();
    List<ProcessHandle> others = user.processes(s -> !s.contains(label));
    assertThat(
            owned.stream()
                .filter(p -> !others.contains(p))
                .filter(ProcessHandle::isAlive)
                .filter(p -> !zombie(p.pid()))
                .map(ProcessHandle::info))
        .as("processes of " + user.name())
        .isEmpty();
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(tmp.map(p -> p.getFileName().toString())).as("scratch").noneMatch(ofChild);
    }
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".partial"));
    }
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (java.io.IOException gone) {
      return true;
    }
  }

  @Test
  void anInterruptedMatrixLeavesNothingAndTheNextRunResumesIt(@TempDir Path dir) throws Exception {
    RequireRuntime.driver(Runtime.PROTOTYPE);
    RequireRuntime.driver(Runtime.PODMAN_CRUN_ROOTLESS);
    RequireRuntime.driver(Runtime.PODMAN_CRUN);
    SharedData.require("traces-real/lepl2990-measurements");
    Path out = dir.resolve("matrix");
    Path log = dir.resolve("first.log");
    Process first = matrix(out, log);
    try {
      awaitOutput(first, log, NAMES.get(1) + " true c=1");
      HostCommand.check(List.of("kill", "-INT", Long.toString(first.pid())));
      assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("exits after SIGINT").isTrue();
    } finally {
      first.destroyForcibly();
    }
    String text = Files.readString(log);
    assertThat(first.exitValue()).as(text).isEqualTo(130);
    assertNothingLeft(first.pid(), out);
    List<String> done = measured(out);
    assertThat(done).as(text).contains(NAMES.get(0)).hasSizeLessThan(3);
    for (String n : done) {
      assertThat(text).contains(": measured " + n + " ");
    }

    Path log2 = dir.resolve("second.log");
    Process second = matrix(out, log2);
    try {
      assertThat(second.waitFor(10, TimeUnit.MINUTES)).as("second run ends").isTrue();
    } finally {
      second.destroyForcibly();
    }
    String text2 = Files.readString(log2);
    assertThat(second.exitValue()).as(text2).isZero();
    for (String n : done) {
      assertThat(text2).contains("already measured in " + out.resolve(n));
    }
    assertThat(measured(out)).as(text2).containsExactlyInAnyOrderElementsOf(NAMES);
    assertNothingLeft(second.pid(), out);
    assertThat(HostResults.read(out).byRuntime().keySet()).containsAll(NAMES);
  }
}
