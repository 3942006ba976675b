package io.gradesim.probes.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs host commands as argument lists (never shell strings). Output goes to files, not pipes: a
 * {@code runc create} child keeps the caller's stdout open until the container is started, so a
 * caller reading a pipe to its end would hang.
 */
public final class HostCommand {
  /** How long a single runtime operation may take before it counts as hung. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  private static final File NULL = new File("/dev/null");

  private HostCommand() {}

  /** Runs {@code argv} to completion with the default timeout. */
  public static ExecResult run(List<String> argv) throws IOException {
    return run(argv, DEFAULT_TIMEOUT);
  }

  /** Runs {@code argv} to completion; on timeout kills it and its descendants. */
  public static ExecResult run(List<String> argv, Duration timeout) throws IOException {
    return run(argv, timeout, null);
  }

  /** Runs {@code argv} in directory {@code dir} (null: the JVM's) to completion, or kills it. */
  public static ExecResult run(List<String> argv, Duration timeout, Path dir) throws IOException {
    return run(argv, timeout, dir, null, null);
  }

  /**
   * Runs {@code argv} in {@code dir} (null: the JVM's) with exactly the environment {@code env}
   * (null: the JVM's) and {@code input} as its stdin (null: /dev/null), to completion or killed at
   * the timeout. The input is opened by this process, so the command needs no access to its path.
   */
  public static ExecResult run(
      List<String> argv, Duration timeout, Path dir, Map<String, String> env, Path input)
      throws IOException {
    Path out = scratch("out");
    Path err = scratch("err");
    try {
      ProcessBuilder b =
          new ProcessBuilder(argv)
              .directory(dir == null ? null : dir.toFile())
              .redirectInput(input == null ? NULL : input.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      if (env != null) {
        b.environment().clear();
        b.environment().putAll(env);
      }
      Process p = b.start();
      boolean timedOut = !waitFor(p, timeout);
      if (timedOut) {
        kill(p);
      }
      return new ExecResult(
          timedOut ? -1 : p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8),
          timedOut);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      SCRATCH.remove(out);
      SCRATCH.remove(err);
    }
  }

  /**
   * The temporary files of commands still running; an interrupted probe's JVM deletes them on its
   * way out (the thread that made one may never reach its finally block).
   */
  private static final java.util.Set<Path> SCRATCH =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    java.lang.Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path f : SCRATCH) {
                    try {
                      Files.deleteIfExists(f);
                    } catch (IOException e) {
                      // best effort on the way out; the next probe's sweep removes labelled files
                    }
                  }
                },
                "gradesim-command-scratch"));
  }

  private static Path scratch(String kind) throws IOException {
    Path f = Files.createTempFile(Label.own() + kind, ".txt");
    SCRATCH.add(f);
    return f;
  }

  /** Runs {@code argv} and returns its stdout, or throws an IOException naming the command. */
  public static String check(List<String> argv) throws IOException {
    ExecResult r = run(argv);
    if (!r.ok()) {
      throw new IOException(String.join(" ", argv) + ": " + r.describe());
    }
    return r.stdout();
  }

  /** Runs {@code argv}, ignoring failure (for cleanup of objects that may already be gone). */
  public static ExecResult quietly(List<String> argv) {
    try {
      return run(argv, Duration.ofSeconds(30));
    } catch (IOException e) {
      return new ExecResult(-1, "", e.getMessage(), false);
    }
  }

  /** Starts a long-running {@code argv} with stdin, stdout and stderr on /dev/null. */
  public static Process spawn(List<String> argv) throws IOException {
    return new ProcessBuilder(argv)
        .redirectInput(NULL)
        .redirectOutput(NULL)
        .redirectError(NULL)
        .start();
  }

  /** Kills a process and its descendants and waits for it. */
  public static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    waitFor(p, Duration.ofSeconds(10));
  }

  /** Whether {@code binary} is an executable on the PATH (or an absolute executable path). */
  public static boolean onPath(String binary) {
    if (binary.startsWith("/")) {
      return Files.isExecutable(Path.of(binary));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    for (String dir : path.split(":")) {
      if (Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }

  /** The first line of {@code argv}'s output (e.g. a version), or an IOException. */
  public static String firstLine(List<String> argv) throws IOException {
    ExecResult r = run(argv, Duration.ofSeconds(20));
    if (!r.ok()) {
      throw new IOException(String.join(" ", argv) + ": " + r.describe());
    }
    String text = r.stdout().isBlank() ? r.stderr() : r.stdout();
    return text.strip().lines().findFirst().orElse("");
  }

  private static boolean waitFor(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while waiting for a command"));
    }
  }
}
