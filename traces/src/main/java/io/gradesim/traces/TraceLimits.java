package io.gradesim.traces;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The values a trace row may hold, whatever its format: instants from 1970-01-01 (inclusive) to
 * 2200-01-01 (exclusive) and a grading demand of at most one day. A row outside them is rejected
 * with its line and field; this keeps virtual time well inside a {@code long} of microseconds and
 * the time series of a run to a size that fits on a disk.
 */
public final class TraceLimits {
  /** The earliest instant a trace may hold. */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  /** The first instant past the range a trace may hold. */
  public static final Instant END = Instant.parse("2200-01-01T00:00:00Z");

  /** The largest {@code grading_ms}: one day. */
  public static final long MAX_GRADING_MS = 86_400_000L;

  private TraceLimits() {}

  /** Why {@code t} is out of range, or null when it is in range. */
  public static String instantProblem(Instant t) {
    if (t.isBefore(EARLIEST) || !t.isBefore(END)) {
      return "out of range: " + t + " (supported: " + EARLIEST + " to before " + END + ")";
    }
    return null;
  }

  /** Why {@code ms} is not a grading demand, or null when it is one. */
  public static String gradingProblem(long ms) {
    if (ms < 0 || ms > MAX_GRADING_MS) {
      return "out of range: " + ms + " ms (supported: 0 to " + MAX_GRADING_MS + " ms, one day)";
    }
    return null;
  }

  /**
   * Checks the fields every format shares; throws a rejection at {@code line} of {@code file}
   * naming the canonical field.
   */
  public static void check(Submission s, Path file, long line) {
    String why = instantProblem(s.submittedAt());
    if (why != null) {
      throw new TraceFormatException(file, line, "submitted_at", why);
    }
    if (s.completedAt() != null && (why = instantProblem(s.completedAt())) != null) {
      throw new TraceFormatException(file, line, "completed_at", why);
    }
    if (s.gradingMs() != null && (why = gradingProblem(s.gradingMs())) != null) {
      throw new TraceFormatException(file, line, "grading_ms", why);
    }
  }
}
