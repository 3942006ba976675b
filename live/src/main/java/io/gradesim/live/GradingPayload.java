package io.gradesim.live;

import io.gradesim.files.Sha256;
import io.gradesim.probes.image.ImageStore;
import io.gradesim.probes.runtime.Placement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The grading payload: {@code burn MS}, a static C program that consumes exactly MS milliseconds of
 * its own CPU time ({@code CLOCK_PROCESS_CPUTIME_ID}) and exits 0, so a container's wall time
 * beyond MS is the platform's overhead or contention. Built once with {@code gcc -static} into the
 * image cache as {@code payload-<hash of burn.c>/burn} ({@code probes/host-setup.sh} builds the
 * same file), and bound read-only into each container at {@link #MOUNT}.
 */
public final class GradingPayload {
  /** Where the payload's directory appears inside a container (a directory of the busybox root). */
  public static final String MOUNT = "/mnt";

  private static final String SOURCE = "burn.c";

  private final Path dir;

  private GradingPayload(Path dir) {
    this.dir = dir;
  }

  /** The payload in {@code images}, compiled on first use. */
  public static GradingPayload in(ImageStore images) throws IOException {
    byte[] source = source();
    String name = "payload-" + Sha256.of(source).substring(0, 16);
    return new GradingPayload(images.cached(name, tmp -> compile(source, tmp)));
  }

  /** The directory holding {@code burn}. */
  public Path dir() {
    return dir;
  }

  /** The host binary (for running it outside a container). */
  public Path binary() {
    return dir.resolve("burn");
  }

  /** The bind mount that shows the payload inside a container. */
  public Placement.Bind bind() {
    return new Placement.Bind(dir, MOUNT);
  }

  /** The command a container runs to grade for {@code gradingMs} of CPU time. */
  public List<String> argv(long gradingMs) {
    return List.of(MOUNT + "/burn", Long.toString(gradingMs));
  }

  private static byte[] source() throws IOException {
    try (InputStream in = GradingPayload.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IOException("the payload source " + SOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  private static void compile(byte[] source, Path tmp) throws IOException {
    Files.createDirectories(tmp);
    Path c = tmp.resolve(SOURCE);
    Files.write(c, source);
    Path out = tmp.resolve("burn");
    Process p =
        new ProcessBuilder("gcc", "-static", "-O2", "-o", out.toString(), c.toString())
            .redirectErrorStream(true)
            .start();
    String log =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException(
            "gcc -static could not build the grading payload (Debian packages gcc, libc6-dev;"
                + " probes/host-setup.sh runtimes installs them): "
                + log.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the grading payload", e);
    }
    Files.delete(c);
  }
}
