package io.gradesim.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary folders of benchmark and training runs, removed once they are done. */
public final class ScratchFolder {
  private ScratchFolder() {}

  /** Deletes {@code p} and everything below it (nothing if it does not exist). */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(p)) {
      all = s.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path f : all) {
      Files.deleteIfExists(f);
    }
  }
}
