package io.gradesim.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime that passes the availability check but fails in the probe: every real runtime is hidden
 * ({@link HiddenRuntimes}, busybox kept) and a {@code runc} that answers {@code --version} but
 * refuses every other command comes first on the PATH. The demo must say why runc was left out and
 * go on with what was measured, exit 0.
 */
class DemoWithBrokenRuntimeTest {
  private static final String BROKEN_RUNC =
      """
      #!/bin/sh
      if [ "$1" = --version ]; then echo "runc version 0.0-broken"; exit 0; fi
      echo "this runc cannot create containers" >&2
      exit 1
      """;

  @Test
  void demoReportsARuntimeFailingInTheProbeAndGoesOn(@TempDir Path tmp) throws Exception {
    HiddenRuntimes.requireHost();
    HiddenRuntimes.requireBusybox();
    Path root = Path.of("").toAbsolutePath().getParent();
    Path bin = Files.createDirectory(tmp.resolve("bin"));
    Path runc = Files.writeString(bin.resolve("runc"), BROKEN_RUNC);
    Files.setPosixFilePermissions(runc, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path out = tmp.resolve("demo");
    Path log = tmp.resolve("demo.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> demo =
        List.of(
            java,
            "-Dgradesim.root=" + root,
            "-Dgradesim.home=" + tmp.resolve("home"),
            "-cp",
            System.getProperty("java.class.path"),
            "io.gradesim.cli.GradesimCommand",
            "demo",
            "--repeat",
            "2",
            "--out",
            out.toString());
    ProcessBuilder pb =
        new ProcessBuilder(HiddenRuntimes.wrap(demo, true))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("GRADESIM_HOME", tmp.resolve("home").toString());
    pb.environment().put("PATH", bin + ":" + pb.environment().getOrDefault("PATH", "/usr/bin"));
    Process child = pb.start();
    boolean done = child.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      child.destroyForcibly();
    }
    // The image cache holds a symlink per busybox applet: removed here, quietly, rather than
    // by JUnit, which warns about each link.
    new ProcessBuilder("rm", "-rf", "--one-file-system", tmp.resolve("home/images").toString())
        .start()
        .waitFor();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("demo finished within 10 minutes:%n%s", text).isTrue();
    assertThat(child.exitValue()).as(text).isZero();
    assertThat(text)
        .containsPattern("probing \\d runtime\\(s\\): process, (unshare, )?runc\\n")
        .containsPattern(
            "(?m)^  runc +failed in the probe, left out: create: .*this runc cannot"
                + " create containers")
        .containsPattern("(?m)^  measured: process(, unshare)?$")
        .doesNotContain("Exception", "\tat ");
    assertThat(out.resolve("compare/report.html")).isRegularFile();
  }
}
