package io.gradesim.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs the demo ships with: the sample INGInious exam (an export and its course's task.yaml
 * files, bundled as resources) and the bundled scenario files.
 */
public final class DemoInputs {
  private static final String EXAM = "/io/gradesim/demo/inginious-exam/";
  private static final String COURSE = "LEPL1401-exam";
  private static final List<String> TASKS =
      List.of("bigdata", "hello", "loops", "quiz", "recursion", "sorting");

  /** Scenarios the demo compares: every capacity plan of simulator/scenarios but the M/M/c one. */
  static final List<String> SCENARIOS =
      List.of(
          "inginious-today",
          "runtime-crun",
          "runtime-podman",
          "runtime-gvisor",
          "runtime-firecracker",
          "runtime-kata",
          "vertical",
          "horizontal",
          "autoscale",
          "warm-pool");

  private DemoInputs() {}

  /** Writes the bundled exam to {@code dir}: {@code submissions.json.gz} and {@code tasks/}. */
  public static Path extractExam(Path dir) throws IOException {
    Path export = dir.resolve("submissions.json.gz");
    copy(EXAM + "submissions.json.gz", export);
    for (String task : TASKS) {
      copy(
          EXAM + "tasks/" + COURSE + "/" + task + "/task.yaml",
          dir.resolve("tasks").resolve(COURSE).resolve(task).resolve("task.yaml"));
    }
    return export;
  }

  /**
   * The bundled scenario files: the {@code simulator/scenarios} folder of the installation (the
   * launcher passes its root as {@code gradesim.root}), or of the working folder.
   */
  public static List<Path> scenarios() {
    Path folder = scenarioFolder();
    List<Path> found =
        SCENARIOS.stream()
            .map(n -> folder.resolve(n + ".conf"))
            .filter(Files::isRegularFile)
            .toList();
    if (found.isEmpty()) {
      throw new IllegalStateException(
          folder
              + ": no bundled scenario found; run the demo"
              + " through the ./gradesim launcher of a gradesim checkout");
    }
    return found;
  }

  /** The folder of the bundled scenario files ({@code simulator/scenarios} of the installation). */
  public static Path scenarioFolder() {
    String root = System.getProperty("gradesim.root");
    Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    return base.resolve("simulator").resolve("scenarios");
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = DemoInputs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the demo resource " + resource + " is missing from the" + " build");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Lists a folder's regular files, for tests and messages. */
  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
