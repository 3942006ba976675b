package io.gradesim.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One gradesim command in a JVM of its own (a command line from {@link
 * SimulateProcessBench#javaCommand}), its output in a log file: what the process benchmarks time.
 */
final class GradesimProcess {
  private GradesimProcess() {}

  /**
   * Runs {@code command} with its output in {@code log}; returns its wall time in seconds. When it
   * exits with another code than 0 the exception names {@code what} and holds the log.
   */
  static double run(List<String> command, Path log, String what) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while timing " + what, e);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (code != 0) {
      throw new IOException(
          what + " exited with " + code + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    return s;
  }
}
