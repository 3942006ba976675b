package io.gradesim.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A running {@link PausableRunMain} child: read its lines, resume it, kill it, wait for it. */
final class PausableChild implements AutoCloseable {
  final Process process;
  final List<String> lines = new ArrayList<>();
  private final BufferedReader out;

  private PausableChild(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the child; {@code jvmArgs} go before the class name. */
  static PausableChild start(
      Path home,
      String journal,
      String runId,
      long seed,
      int submissions,
      Path out,
      long pauseAt,
      String... jvmArgs)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            PausableRunMain.class.getName(),
            home.toString(),
            journal,
            runId,
            Long.toString(seed),
            Integer.toString(submissions),
            out.toString(),
            Long.toString(pauseAt)));
    return new PausableChild(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** Reads lines until one matches; fails if the child's output ends first. */
  String await(Predicate<String> line) throws IOException {
    for (String l = out.readLine(); l != null; l = out.readLine()) {
      lines.add(l);
      if (line.test(l)) {
        return l;
      }
    }
    throw new AssertionError("the child ended without the awaited line: " + lines);
  }

  /** Lets a paused child go on. */
  void resume() throws IOException {
    OutputStream in = process.getOutputStream();
    in.write('\n');
    in.flush();
  }

  /** Reads the rest of the output and waits for the exit code. */
  int exit() throws IOException, InterruptedException {
    for (String l = out.readLine(); l != null; l = out.readLine()) {
      lines.add(l);
    }
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      throw new AssertionError("the child did not end in 300 s: " + lines);
    }
    return process.exitValue();
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
