package io.gradesim.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a text file whole or not at all: a {@link PartialFiles} temporary, then a move. */
public final class AtomicWrite {
  /** What writes the file's text; the writer is closed after it returns. */
  @FunctionalInterface
  public interface Body {
    /** Writes the text to {@code out}. */
    void writeTo(Writer out) throws IOException;
  }

  private AtomicWrite() {}

  /** Writes what {@code body} writes (UTF-8) to {@code target}, creating its folder if needed. */
  public static Path write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path temp = PartialFiles.createFile(abs);
    try {
      try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        body.writeTo(w);
      }
      moveIntoPlace(temp, abs);
    } finally {
      PartialFiles.delete(temp);
    }
    return abs;
  }

  /** Writes {@code text} (UTF-8) to {@code target}, creating its folder if needed. */
  public static Path writeString(Path target, CharSequence text) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path temp = PartialFiles.createFile(abs);
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      moveIntoPlace(temp, abs);
    } finally {
      PartialFiles.delete(temp);
    }
    return abs;
  }

  /** Moves a finished temporary file onto {@code target} in one step and forgets it. */
  public static void moveIntoPlace(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    PartialFiles.release(temp);
  }
}
