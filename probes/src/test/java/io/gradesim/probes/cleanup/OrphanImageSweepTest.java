package io.gradesim.probes.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.probes.runtime.HostCommand;
import io.gradesim.probes.runtime.RequireRuntime;
import io.gradesim.probes.runtime.Runtime;
import io.gradesim.probes.runtime.docker.DockerDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue group 9: a SIGKILLed probe of docker and podman leaves its imported images (and maybe a
 * container) behind. The next probe, whatever runtime it measures (here only plain processes), must
 * remove them.
 */
class OrphanImageSweepTest {

  private static Process probe(Path out, String runtimes, int repeat) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "io.gradesim.probes.cli.ProbeCommand",
            "--runtime",
            runtimes,
            "--repeat",
            Integer.toString(repeat),
            "--warmup",
            "0",
            "--stages",
            "create,start,exec,stop,remove",
            "--out",
            out.toString())
        .redirectErrorStream(true)
        .start();
  }

  /** Everything the engine {@code client} holds with {@code label}: containers and images. */
  private static List<String> labelled(String client, String label) {
    String containers =
        HostCommand.quietly(List.of(client, "ps", "--all", "--format", "{{.Names}}")).stdout();
    String images =
        HostCommand.quietly(List.of(client, "images", "--format", "{{.Repository}}:{{.Tag}}"))
            .stdout();
    return (containers + "\n" + images).lines().filter(l -> l.contains(label)).toList();
  }

  @Test
  @Tag("hostile-9")
  @DisplayName(
      "group 9: a probe of processes only sweeps a SIGKILLed probe's docker and" + " podman images")
  void probeOfProcessesSweepsImagesOfAKilledDockerAndPodmanProbe(@TempDir Path tmp)
      throws Exception {
    RequireRuntime.driver(Runtime.DOCKER_RUNC);
    RequireRuntime.driver(Runtime.PODMAN_CRUN);
    Process killed = probe(tmp.resolve("killed"), "docker-runc,podman-crun", 100000);
    String label = "gradesim-probe-" + killed.pid() + "-";
    StringBuilder log = new StringBuilder();
    try (InputStream in = killed.getInputStream()) {
      // The progress bar names a runtime's round only after every driver imported its image.
      readUntil(in, log, "podman-crun true c=1");
      killed.destroyForcibly();
      assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      killed.destroyForcibly();
    }
    assertThat(labelled(DockerDriver.CLIENT, label))
        .as("docker image left by the kill")
        .anyMatch(s -> s.contains(label + "img"));
    assertThat(labelled("podman", label))
        .as("podman image left by the kill")
        .anyMatch(s -> s.contains(label + "img"));

    Process next = probe(tmp.resolve("next"), "process", 1);
    StringBuilder nextLog = new StringBuilder();
    try (InputStream in = next.getInputStream()) {
      readUntil(in, nextLog, null);
    }
    assertThat(next.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(next.exitValue()).as(nextLog.toString()).isZero();
    assertThat(labelled(DockerDriver.CLIENT, label)).as("docker after the next probe").isEmpty();
    assertThat(labelled("podman", label)).as("podman after the next probe").isEmpty();
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
