package io.gradesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.cleanup.HostSweep;
import io.gradesim.probes.runtime.Runtime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue group 5: Ctrl-C on a running {@code gradesim probe}. A child JVM probes plain processes
 * (and unshare where it can run, for mounts and cgroups to clean up); once its progress bar shows a
 * round running it gets SIGINT. It must end with one line, exit 130, leave nothing labelled and
 * write no results.
 */
class ProbeInterruptTest {

  @Test
  @Tag("hostile-5")
  @DisplayName("group 5: Ctrl-C on a probe is one line, exit 130, everything cleaned up")
  void ctrlCOnAProbeIsOneLineExit130AndCleansUp(@TempDir Path tmp) throws Exception {
    String runtimes =
        Runtime.UNSHARE.driver().availability().available() ? "process,unshare" : "process";
    Path out = tmp.resolve("probe");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A JVM that inherits SIGINT ignored (a build started in the background by a script) keeps
    // it ignored and never runs its shutdown hooks: restore the default disposition.
    Process child =
        new ProcessBuilder(
                "env",
                "--default-signal=INT",
                java,
                "-Dgradesim.home=" + tmp.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                "io.gradesim.cli.GradesimCommand",
                "probe",
                "--runtime",
                runtimes,
                "--repeat",
                "100000",
                "--warmup",
                "0",
                "--concurrency",
                "2",
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .start();
    StringBuilder text = new StringBuilder();
    try (InputStream in = child.getInputStream()) {
      // The progress bar draws "<runtime> true c=2" when a round starts: the probe is mid-run.
      readUntil(in, text, "process true c=2");
      new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
      readUntil(in, text, null);
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String log = text.toString();
    assertThat(child.exitValue()).as(log).isEqualTo(130);
    assertThat(log)
        .contains(
            "gradesim: probe interrupted: removing its containers and scratch"
                + " files; no results written")
        .doesNotContain("Exception", "\tat ");
    assertThat(log.lines().filter(l -> l.startsWith("gradesim:"))).hasSize(1);

    String label = "gradesim-probe-" + child.pid() + "-";
    Predicate<String> ofChild = s -> s.contains(label);
    assertThat(HostSweep.mounts(ofChild)).isEmpty();
    assertThat(HostSweep.cgroups(ofChild)).isEmpty();
    try (Stream<Path> t = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(t.map(p -> p.getFileName().toString())).noneMatch(ofChild);
    }
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList())
          .as("no results and nothing partial")
          .isEmpty();
    }
  }

  /** Appends the child's output until {@code marker} appears (null: until the end). */
  private static void readUntil(InputStream in, StringBuilder text, String marker)
      throws IOException {
    byte[] buf = new byte[4096];
    int n;
    while ((n = in.read(buf)) >= 0) {
      text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      if (marker != null && text.indexOf(marker) >= 0) {
        return;
      }
    }
    if (marker != null) {
      throw new AssertionError("the probe ended before showing '" + marker + "':\n" + text);
    }
  }
}
