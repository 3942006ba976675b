package io.gradesim.probes.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.gradesim.probes.image.ImageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every runtime but plain processes runs a busybox image: with {@code /bin/busybox} hidden (a bind
 * mount of /dev/null in a private mount namespace), {@code probe --list} must call each of them
 * unavailable and name the Debian package, whatever else is installed, without starting a
 * container.
 */
class AvailabilityWithoutBusyboxTest {
  /** Binds /dev/null over its first argument, then execs the rest: a constant script. */
  private static final String HIDE =
      "mount --bind /dev/null \"$1\" || exit 125; shift;" + " exec \"$@\"";

  @Test
  void everyRuntimeButProcessNeedsBusybox(@TempDir Path tmp) throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!"root".equals(System.getProperty("user.name"))
        || !Files.isExecutable(Path.of("/usr/bin/unshare"))) {
      String why = "needs root and /usr/bin/unshare (Debian package util-linux)";
      if (ci) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = tmp.resolve("list.txt");
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "/usr/bin/unshare",
                "--mount",
                "--propagation",
                "private",
                "--",
                "/bin/sh",
                "-c",
                HIDE,
                "hide"));
    // Hide whatever is there, or nothing (/dev/null over itself) when busybox is not installed.
    cmd.add(
        Files.exists(ImageStore.BUSYBOX)
            ? ImageStore.BUSYBOX.toRealPath().toString()
            : "/dev/null");
    cmd.addAll(
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "io.gradesim.probes.cli.ProbeCommand",
            "--list"));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).containsPattern("(?m)^process +yes ");
    for (String line : text.lines().skip(1).toList()) {
      if (line.startsWith("process ") || line.contains(" of " + Runtime.values().length)) {
        continue;
      }
      assertThat(line)
          .as("runtime line")
          .containsPattern("^[a-z-]+ +no ")
          .contains("/bin/busybox is missing (Debian package busybox-static)");
    }
    assertThat(text).contains("1 of " + Runtime.values().length + " runtimes available");
  }
}
