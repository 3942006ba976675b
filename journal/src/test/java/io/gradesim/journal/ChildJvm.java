package io.gradesim.journal;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path for the kill tests: its output (stdout and stderr) is read
 * line by line as it comes, it can be paused at a {@link PausePoint} and killed with SIGKILL there.
 * Orderings come from its lines only; {@link #SAFETY_MINUTES} only keeps a broken child from
 * hanging the build, and then fails with its output.
 */
public final class ChildJvm implements AutoCloseable {
  /** How long a child may take before the test fails with its output. */
  public static final long SAFETY_MINUTES = 5;

  /** The exit status of a process ended by SIGKILL (128 + 9). */
  public static final int KILLED = 137;

  private static final String END = "\0end of output";

  private final String name;
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final BlockingQueue<String> incoming = new LinkedBlockingQueue<>();
  private final Thread reader;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.reader = new Thread(this::read, "child-output-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code mainClass} with {@code args} in a JVM with {@code jvmOptions}; it pauses at
   * {@code pauseAt} (a {@link PausePoint}) or nowhere if null.
   */
  public static ChildJvm start(
      String name, String pauseAt, List<String> jvmOptions, Class<?> mainClass, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove(PausePoint.ENV);
    if (pauseAt != null) {
      pb.environment().put(PausePoint.ENV, pauseAt);
    }
    return new ChildJvm(name, pb.start());
  }

  private void read() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        synchronized (lines) {
          lines.add(line);
        }
        incoming.add(line);
      }
    } catch (IOException e) {
      // The child was killed while a line was being read: its output ends here.
    } finally {
      incoming.add(END);
    }
  }

  /** Waits for the first line (from now on) that starts with {@code prefix}; returns it. */
  public String awaitLine(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(SAFETY_MINUTES);
    while (true) {
      String line = incoming.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        fail(
            "%s: no line '%s' within %d minutes; output:%n%s",
            name, prefix, SAFETY_MINUTES, output());
      }
      if (line.equals(END)) {
        incoming.add(END);
        process.waitFor(SAFETY_MINUTES, TimeUnit.MINUTES);
        fail(
            "%s ended (exit %s) before printing '%s'; output:%n%s",
            name, process.isAlive() ? "none" : process.exitValue(), prefix, output());
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Sends SIGKILL and waits until the child is gone; returns its exit status ({@link #KILLED}). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit();
  }

  /** Waits until the child ends on its own (or is gone after {@link #kill}); returns its exit. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(SAFETY_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("%s still running after %d minutes; output:%n%s", name, SAFETY_MINUTES, output());
    }
    reader.join(TimeUnit.MINUTES.toMillis(SAFETY_MINUTES));
    return process.exitValue();
  }

  /** Everything the child printed so far. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(SAFETY_MINUTES, TimeUnit.MINUTES);
    }
  }
}
