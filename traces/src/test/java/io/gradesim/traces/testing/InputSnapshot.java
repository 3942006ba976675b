package io.gradesim.traces.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * For hostile-input tests: the SHA-256 of each input before a command, checked after it, and a
 * check that no temporary file ({@code *.partial}, {@code *.tmp}, {@code .gradesim-*}) is left.
 */
public final class InputSnapshot {
  private final Map<Path, String> hashes = new LinkedHashMap<>();

  private InputSnapshot() {}

  /** Hashes {@code inputs} now. */
  public static InputSnapshot of(Path... inputs) throws IOException {
    InputSnapshot s = new InputSnapshot();
    for (Path p : inputs) {
      s.hashes.put(p, sha256(p));
    }
    return s;
  }

  /** Fails unless every input still has the hash it had. */
  public void assertUnchanged() throws IOException {
    for (Map.Entry<Path, String> e : hashes.entrySet()) {
      assertThat(Files.isRegularFile(e.getKey())).as("input %s still a file", e.getKey()).isTrue();
      assertThat(sha256(e.getKey())).as("SHA-256 of input %s", e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** The temporary files and folders under {@code dirs}, recursively. */
  public static List<Path> leftovers(Path... dirs) throws IOException {
    List<Path> found = new java.util.ArrayList<>();
    for (Path d : dirs) {
      if (!Files.exists(d)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(
                p -> {
                  String n = p.getFileName().toString();
                  return n.endsWith(".partial") || n.endsWith(".tmp") || n.startsWith(".gradesim-");
                })
            .forEach(found::add);
      }
    }
    return found;
  }

  /** Fails when a temporary file or folder is left under {@code dirs}. */
  public static void assertNoLeftovers(Path... dirs) throws IOException {
    assertThat(leftovers(dirs)).as("temporary files left").isEmpty();
  }

  /** The SHA-256 of a file, in hex. */
  public static String sha256(Path file) throws IOException {
    return Sha256.ofFile(file);
  }
}
