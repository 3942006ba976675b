package io.gradesim.traces.canonical;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a canonical trace CSV (plain or gzip) as submissions, lazily: the trace is never held in
 * memory. A malformed row, or one out of {@code submitted_at} order, goes to the reject sink with
 * its line and field; a missing required column fails at once. Columns may come in any order and
 * unknown columns are ignored.
 */
public final class CanonicalTraceReader {
  private CanonicalTraceReader() {}

  /** Opens {@code file}; close the returned stream to release the file. */
  public static Stream<Submission> read(Path file, RejectSink rejects) throws IOException {
    CsvInput csv = new CsvInput(TraceInput.open(file));
    RowMapper mapper;
    try {
      mapper = new RowMapper(file, header(file, csv));
    } catch (RuntimeException e) {
      csv.close();
      throw e;
    }
    Iterator<Submission> rows = new Iterator<>() {
      private Submission next;
      private Instant last = Instant.MIN;
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (next == null && !ended) {
          try {
            if (!csv.next()) {
              ended = true;
              return false;
            }
          } catch (CsvInput.Malformed e) {
            ended = true;
            rejects.reject(new TraceFormatException(file, e.line, null, e.getMessage()));
            return false;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          try {
            Submission s = mapper.map(csv);
            if (s.submittedAt().isBefore(last)) {
              throw new TraceFormatException(file, csv.line(), CanonicalColumns.SUBMITTED_AT,
                  "rows must be sorted by submitted_at; " + s.submittedAt() + " comes after "
                      + last);
            }
            last = s.submittedAt();
            next = s;
          } catch (TraceFormatException e) {
            rejects.reject(e);
          }
        }
        return next != null;
      }

      @Override
      public Submission next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Submission s = next;
        next = null;
        return s;
      }
    };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(() -> {
          try {
            csv.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static List<String> header(Path file, CsvInput csv) throws IOException {
    try {
      if (!csv.next()) {
        throw new TraceFormatException(file, 1, null, "empty file: expected a header row ("
            + String.join(",", CanonicalColumns.ALL) + ")");
      }
    } catch (CsvInput.Malformed e) {
      throw new TraceFormatException(file, e.line, null, "header: " + e.getMessage());
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < csv.size(); i++) {
      names.add(csv.string(i).trim());
    }
    return names;
  }

  /** Maps one CSV record to a submission, naming the field of the first bad value. */
  private static final class RowMapper {
    private final Path file;
    private final int width;
    private final int[] index = new int[CanonicalColumns.ALL.size()];
    private final InstantText instants = new InstantText();
    private final byte[][] lastBytes = new byte[index.length][];
    private final String[] lastText = new String[index.length];

    RowMapper(Path file, List<String> header) {
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
          throw new TraceFormatException(file, 1, required, "required column is missing "
              + "(header: " + String.join(",", header) + ")");
        }
      }
      for (int i = 0; i < index.length; i++) {
        index[i] = at.getOrDefault(CanonicalColumns.ALL.get(i), -1);
      }
    }

    Submission map(CsvInput r) {
      long line = r.line();
      if (r.size() != width) {
        throw new TraceFormatException(file, line, null,
            "expected " + width + " fields, found " + r.size());
      }
      String id = required(r, 0, line, false);
      Instant at = instant(r, 1, line, true);
      String course = required(r, 2, line, true);
      String task = required(r, 3, line, true);
      String users = text(r, 4, false);
      List<String> userList = users.isEmpty() ? List.of()
          : users.indexOf(';') < 0 ? List.of(users)
          : List.of(users.split(CanonicalColumns.USER_SEPARATOR, -1));
      String env = text(r, 5, true);
      int prio = empty(r, 6) ? 0 : (int) integer(r, 6, line, Integer.MIN_VALUE);
      Long gradingMs = empty(r, 7) ? null : integer(r, 7, line, 0);
      Instant completed = instant(r, 8, line, false);
      String result = text(r, 9, true);
      return new Submission(id, at, course, task, userList, env, prio, gradingMs, completed,
          result.isEmpty() ? null : result, decimal(r, 10, line), decimal(r, 11, line),
          empty(r, 12) ? null : integer(r, 12, line, 0));
    }

    private boolean empty(CsvInput r, int column) {
      int at = index[column];
      return at < 0 || r.start(at) == r.end(at);
    }

    /** The field as text; repeated values (course, task...) reuse the previous string. */
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
        return r.string(at);
      }
      byte[] prev = lastBytes[column];
      byte[] b = r.bytes();
      if (prev != null && java.util.Arrays.equals(prev, 0, prev.length, b, s, e)) {
        return lastText[column];
      }
      lastBytes[column] = java.util.Arrays.copyOfRange(b, s, e);
      lastText[column] = r.string(at);
      return lastText[column];
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
      if (t != null) {
        return t;
      }
      String v = r.string(at);
      try {
        return Instant.parse(v);
      } catch (java.time.format.DateTimeParseException e) {
        throw bad(line, column, "not an ISO-8601 instant: '" + v + "'");
      }
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
        throw bad(line, column, "not an integer: '" + r.string(at) + "'");
      }
      for (; i < e; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          throw bad(line, column, "not an integer: '" + r.string(at) + "'");
        }
        v = v * 10 + d;
      }
      v = negative ? -v : v;
      if (v < min || v > Integer.MAX_VALUE && min == Integer.MIN_VALUE) {
        throw bad(line, column, "out of range: '" + r.string(at) + "'");
      }
      return v;
    }

    private Double decimal(CsvInput r, int column, long line) {
      if (empty(r, column)) {
        return null;
      }
      String v = r.string(index[column]);
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
}
