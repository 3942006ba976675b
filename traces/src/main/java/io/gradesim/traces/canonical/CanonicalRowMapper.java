package io.gradesim.traces.canonical;

import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.TraceLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps one CSV record to a submission, naming the field of the first bad value. */
final class CanonicalRowMapper {
  private static final int CACHE_SLOTS = 64;
  private final Path file;
  private final int width;
  private final int[] index = new int[CanonicalColumns.ALL.size()];
  private final InstantText instants = new InstantText();
  private final byte[][] cachedBytes = new byte[index.length * CACHE_SLOTS][];
  private final String[] cachedText = new String[index.length * CACHE_SLOTS];

  CanonicalRowMapper(Path file, List<String> header) {
    this.file = file;
    this.width = header.size();
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (at.put(header.get(i), i) != null) {
        throw new TraceFormatException(file, 1, header.get(i), "column appears twice");
      }
    }
    for (String required : CanonicalColumns.REQUIRED) {
      if (!at.containsKey(required)) {
        throw new TraceFormatException(
            file,
            1,
            required,
            "required column is missing " + "(header: " + String.join(",", header) + ")");
      }
    }
    for (int i = 0; i < index.length; i++) {
      index[i] = at.getOrDefault(CanonicalColumns.ALL.get(i), -1);
    }
  }

  Submission map(CsvInput r) {
    long line = r.line();
    if (r.size() != width) {
      throw new TraceFormatException(
          file, line, null, "expected " + width + " fields, found " + r.size());
    }
    String id = required(r, 0, line, false);
    Instant at = instant(r, 1, line, true);
    String course = required(r, 2, line, true);
    String task = required(r, 3, line, true);
    String users = text(r, 4, false);
    List<String> userList =
        users.isEmpty()
            ? List.of()
            : users.indexOf(';') < 0
                ? List.of(users)
                : List.of(users.split(CanonicalColumns.USER_SEPARATOR, -1));
    String env = text(r, 5, true);
    int prio = empty(r, 6) ? 0 : (int) integer(r, 6, line, Integer.MIN_VALUE);
    Long gradingMs = empty(r, 7) ? null : integer(r, 7, line, 0);
    String why = gradingMs == null ? null : TraceLimits.gradingProblem(gradingMs);
    if (why != null) {
      throw bad(line, 7, why);
    }
    Instant completed = instant(r, 8, line, false);
    String result = text(r, 9, true);
    return new Submission(
        id,
        at,
        course,
        task,
        userList,
        env,
        prio,
        gradingMs,
        completed,
        result.isEmpty() ? null : result,
        decimal(r, 10, line),
        decimal(r, 11, line),
        empty(r, 12) ? null : integer(r, 12, line, 0));
  }

  private boolean empty(CsvInput r, int column) {
    int at = index[column];
    return at < 0 || r.start(at) == r.end(at);
  }

  /**
   * The field as text. Columns whose values repeat (course, task, environment, result) go through a
   * small per-column cache keyed by the bytes, so repeated values reuse one string.
   */
  private String text(CsvInput r, int column, boolean cache) {
    int at = index[column];
    if (at < 0) {
      return "";
    }
    int s = r.start(at);
    int e = r.end(at);
    if (s == e) {
      return "";
    }
    if (!cache) {
      return string(r, at, column);
    }
    byte[] b = r.bytes();
    int h = 0;
    for (int i = s; i < e; i++) {
      h = 31 * h + b[i];
    }
    int slot = column * CACHE_SLOTS + ((h ^ (h >>> 7)) & (CACHE_SLOTS - 1));
    byte[] prev = cachedBytes[slot];
    if (prev != null && Arrays.equals(prev, 0, prev.length, b, s, e)) {
      return cachedText[slot];
    }
    String v = string(r, at, column);
    cachedBytes[slot] = Arrays.copyOfRange(b, s, e);
    cachedText[slot] = v;
    return v;
  }

  private String string(CsvInput r, int at, int column) {
    String v = r.string(at);
    if (v == null) {
      throw bad(r.line(), column, "not valid UTF-8 (the file must be UTF-8 text)");
    }
    return v;
  }

  private String required(CsvInput r, int column, long line, boolean cache) {
    String v = text(r, column, cache);
    if (v.isEmpty()) {
      throw bad(line, column, "is required but empty");
    }
    return v;
  }

  private Instant instant(CsvInput r, int column, long line, boolean required) {
    if (empty(r, column)) {
      if (required) {
        throw bad(line, column, "is required but empty");
      }
      return null;
    }
    int at = index[column];
    Instant t = instants.parse(r.bytes(), r.start(at), r.end(at) - r.start(at));
    if (t == null) {
      String v = string(r, at, column);
      try {
        t = Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw bad(line, column, "not an ISO-8601 instant: '" + v + "'");
      }
    }
    String why = TraceLimits.instantProblem(t);
    if (why != null) {
      throw bad(line, column, why);
    }
    return t;
  }

  /** Parses a whole number of at most 18 digits, at least {@code min}. */
  private long integer(CsvInput r, int column, long line, long min) {
    int at = index[column];
    byte[] b = r.bytes();
    int s = r.start(at);
    int e = r.end(at);
    boolean negative = b[s] == '-';
    int i = negative ? s + 1 : s;
    long v = 0;
    if (i == e || e - i > 18) {
      throw bad(line, column, "not an integer: '" + string(r, at, column) + "'");
    }
    for (; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw bad(line, column, "not an integer: '" + string(r, at, column) + "'");
      }
      v = v * 10 + d;
    }
    v = negative ? -v : v;
    if (v < min || v > Integer.MAX_VALUE && min == Integer.MIN_VALUE) {
      throw bad(line, column, "out of range: '" + string(r, at, column) + "'");
    }
    return v;
  }

  private Double decimal(CsvInput r, int column, long line) {
    if (empty(r, column)) {
      return null;
    }
    int at = index[column];
    byte[] b = r.bytes();
    int s = r.start(at);
    int end = r.end(at);
    if (end - s <= 9) {
      int v = 0;
      int i = s;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        v = v * 10 + (b[i++] - '0');
      }
      if (i == end) {
        return (double) v;
      }
    }
    String v = string(r, at, column);
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d) || d < 0) {
        throw bad(line, column, "must be a finite non-negative number: '" + v + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(line, column, "not a number: '" + v + "'");
    }
  }

  private TraceFormatException bad(long line, int column, String reason) {
    return new TraceFormatException(file, line, CanonicalColumns.ALL.get(column), reason);
  }
}
