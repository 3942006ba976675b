package io.gradesim.traces;

import java.nio.file.Path;

/**
 * Bad trace input, located by file, line and field so that the user can fix it.
 *
 * <p>The message reads {@code FILE:LINE: FIELD: REASON}.
 */
public final class TraceFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private static final int REASON = 2000;
  private final String field;
  private final String reason;

  /** A failure at {@code line} (1-based; 0 when not tied to a line) in {@code file}. */
  public TraceFormatException(Path file, long line, String field, String reason) {
    super(format(file, line, field, reason));
    this.file = file;
    this.line = line;
    this.field = field;
    this.reason = Excerpt.of(reason, REASON);
  }

  private static String format(Path file, long line, String field, String reason) {
    StringBuilder sb = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (field != null && !field.isEmpty()) {
      sb.append(Excerpt.of(field)).append(": ");
    }
    // A reason may quote the input; whatever a reader quotes, the line stays readable.
    return sb.append(Excerpt.of(reason, REASON)).toString();
  }

  /** The file that holds the bad input. */
  public Path file() {
    return file;
  }

  /** The 1-based line, or 0 when the failure is not tied to a line. */
  public long line() {
    return line;
  }

  /** The field (column or JSON key) that is wrong, or null. */
  public String field() {
    return field;
  }

  /** Why the input was rejected. */
  public String reason() {
    return reason;
  }
}
