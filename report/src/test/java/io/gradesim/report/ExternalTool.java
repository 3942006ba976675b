package io.gradesim.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs a program the tests need from the host (chromium, jupyter): outside CI a missing
 * program aborts the test with a message, in CI ({@code CI=true}) it fails it.
 */
final class ExternalTool {
  /** Exit code, standard output and standard error of a finished process. */
  record Result(int exit, String out, String err) {}

  private ExternalTool() {}

  /** The program's path on PATH, or abort (fail in CI) the test. */
  static Path require(String name, String installHint) {
    Optional<Path> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    String why = name + " is not installed (" + installHint + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(why + ": CI must have it (probes/host-setup.sh installs it)");
    }
    Assumptions.abort(why + ": test not run");
    throw new IllegalStateException("unreachable");
  }

  private static Optional<Path> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Runs {@code command} in {@code dir} with extra {@code env}; fails after {@code timeoutS}. */
  static Result run(List<String> command, Path dir, Map<String, String> env, long timeoutS)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(
          command.get(0)
              + " did not finish within "
              + timeoutS
              + " s; "
              + "stderr: "
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
