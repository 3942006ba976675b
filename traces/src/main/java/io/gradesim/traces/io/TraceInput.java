package io.gradesim.traces.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens trace files for reading, detecting gzip by its magic bytes rather than the file name. */
public final class TraceInput {
  /**
   * What {@link #openText} yields for each sequence of bytes that is not valid UTF-8 (U+FFFF, a
   * noncharacter that no trace has reason to hold): a reader rejects the line that holds it.
   */
  public static final char INVALID = '\uFFFF';

  private static final int BUFFER = 1 << 16;

  private TraceInput() {}

  /** Opens {@code file} as bytes, transparently decompressing gzip content. */
  public static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
    }
    return in;
  }

  /**
   * Opens {@code file} as UTF-8 text, transparently decompressing gzip content; a byte-order mark
   * is dropped and invalid bytes come out as {@link #INVALID}.
   */
  public static Reader openText(Path file) throws IOException {
    return new StrictUtf8Reader(open(file));
  }

  /** The index of the first {@link #INVALID} character of {@code text}, or -1. */
  public static int invalidAt(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == INVALID) {
        return i;
      }
    }
    return -1;
  }
}
