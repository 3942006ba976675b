package io.gradesim.traces.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the team's shared data folder ({@code ../shared} beside the project root), which holds
 * third-party traces that are kept out of the repository.
 *
 * <p>Outside CI a missing folder aborts the test with a message (reported as skipped); in CI
 * ({@code CI=true}) it fails the test, so a green CI run never hides an untested format.
 */
public final class SharedData {
  private SharedData() {}

  /** The project root: the {@code gradesim.root} system property, else the working folder. */
  public static Path projectRoot() {
    String root = System.getProperty("gradesim.root");
    Path start = Path.of(root == null ? "" : root).toAbsolutePath().normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".mvn")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    return start;
  }

  /** The shared folder: {@code GRADESIM_SHARED} if set, else {@code ../shared}. */
  public static Path folder() {
    String env = System.getenv("GRADESIM_SHARED");
    return env != null ? Path.of(env) : projectRoot().resolveSibling("shared");
  }

  /** Returns {@code folder()/relative}, aborting (or failing in CI) when it does not exist. */
  public static Path require(String relative) {
    Path p = folder().resolve(relative);
    if (!Files.exists(p)) {
      String why = "shared data " + p + " is absent";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why + ": CI must have the shared folder beside the checkout");
      }
      Assumptions.abort(why + ": test not run (it runs in CI)");
    }
    return p;
  }
}
