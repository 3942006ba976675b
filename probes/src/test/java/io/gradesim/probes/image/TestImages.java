package io.gradesim.probes.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Image stores for tests under the module's {@code target/} folder (JUnit's TempDir warns about
 * every busybox symlink it deletes). {@link #shared()} is kept across tests to build it once.
 */
public final class TestImages {
  private static final Path ROOT = Path.of("target", "test-images").toAbsolutePath();

  private TestImages() {}

  /** The store shared by every test that only needs images. */
  public static ImageStore shared() {
    return new ImageStore(ROOT.resolve("shared"));
  }

  /** An empty store of its own, named {@code name}. */
  public static ImageStore fresh(String name) throws IOException, InterruptedException {
    Path dir = ROOT.resolve(name);
    new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).start().waitFor();
    Files.createDirectories(dir);
    return new ImageStore(dir);
  }
}
