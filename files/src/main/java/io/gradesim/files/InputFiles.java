package io.gradesim.files;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks that an input the user named is a readable file, saying what it is otherwise. */
public final class InputFiles {
  private InputFiles() {}

  /** Throws a one-line error unless {@code path} is a readable regular file. */
  public static void requireFile(String option, Path path) throws NoSuchFileException {
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + " (" + option + "): is a directory, not a file");
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path + " (" + option + "): no such input file");
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(path + " (" + option + "): is not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(path + " (" + option + "): is not readable");
    }
  }
}
