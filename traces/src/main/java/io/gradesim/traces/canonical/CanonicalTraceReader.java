package io.gradesim.traces.canonical;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a canonical trace CSV (plain or gzip) as submissions, lazily: the trace is never held in
 * memory. A malformed row, or one out of {@code submitted_at} order, goes to the reject sink with
 * its line and field; a missing required column fails at once.
 */
public final class CanonicalTraceReader {
  private CanonicalTraceReader() {}

  /** Opens {@code file}; close the returned stream to release the file. */
  public static Stream<Submission> read(Path file, RejectSink rejects) throws IOException {
    CSVParser parser = CSVParser.builder()
        .setReader(TraceInput.openText(file))
        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
        .get();
    Map<String, Integer> header = parser.getHeaderMap();
    for (String required : CanonicalColumns.REQUIRED) {
      if (header == null || !header.containsKey(required)) {
        parser.close();
        throw new TraceFormatException(file, 1, required, "required column is missing (header: "
            + (header == null ? "none" : String.join(",", parser.getHeaderNames())) + ")");
      }
    }
    RowMapper mapper = new RowMapper(file, header);
    Iterator<CSVRecord> records = parser.iterator();
    Iterator<Submission> rows = new Iterator<>() {
      private Submission next;
      private Instant last = Instant.MIN;

      @Override
      public boolean hasNext() {
        while (next == null) {
          CSVRecord r;
          try {
            if (!records.hasNext()) {
              return false;
            }
            r = records.next();
          } catch (UncheckedIOException e) {
            // commons-csv reports a broken quote as an IOException inside the iterator.
            rejects.reject(new TraceFormatException(file, parser.getCurrentLineNumber(), null,
                String.valueOf(e.getCause() == null ? e : e.getCause().getMessage())));
            return false;
          }
          try {
            Submission s = mapper.map(r);
            if (s.submittedAt().isBefore(last)) {
              throw new TraceFormatException(file, r.getRecordNumber() + 1,
                  CanonicalColumns.SUBMITTED_AT, "rows must be sorted by submitted_at; " + s
                      .submittedAt() + " comes after " + last);
            }
            last = s.submittedAt();
            next = s;
          } catch (TraceFormatException e) {
            rejects.reject(e);
          }
        }
        return true;
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
            parser.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Maps one CSV record to a submission, naming the field of the first bad value. */
  private static final class RowMapper {
    private final Path file;
    private final int[] index = new int[CanonicalColumns.ALL.size()];

    RowMapper(Path file, Map<String, Integer> header) {
      this.file = file;
      for (int i = 0; i < index.length; i++) {
        Integer at = header.get(CanonicalColumns.ALL.get(i));
        index[i] = at == null ? -1 : at;
      }
    }

    Submission map(CSVRecord r) {
      long line = r.getRecordNumber() + 1;
      if (!r.isConsistent()) {
        throw new TraceFormatException(file, line, null,
            "expected " + r.getParser().getHeaderNames().size() + " fields, found " + r.size());
      }
      String id = required(r, 0, line);
      Instant at = instant(r, 1, line, true);
      String course = required(r, 2, line);
      String task = required(r, 3, line);
      String users = get(r, 4);
      List<String> userList = users.isEmpty()
          ? List.of() : Arrays.asList(users.split(CanonicalColumns.USER_SEPARATOR, -1));
      String env = get(r, 5);
      String priority = get(r, 6);
      int prio = priority.isEmpty() ? 0 : (int) integer(priority, 6, line);
      String grading = get(r, 7);
      Long gradingMs = grading.isEmpty() ? null : integer(grading, 7, line);
      if (gradingMs != null && gradingMs < 0) {
        throw bad(line, 7, "must not be negative: " + grading);
      }
      Instant completed = instant(r, 8, line, false);
      String result = get(r, 9);
      return new Submission(id, at, course, task, userList, env, prio, gradingMs, completed,
          result.isEmpty() ? null : result, decimal(r, 10, line), decimal(r, 11, line),
          optionalInteger(r, 12, line));
    }

    private String get(CSVRecord r, int column) {
      int at = index[column];
      return at < 0 ? "" : r.get(at);
    }

    private String required(CSVRecord r, int column, long line) {
      String v = get(r, column);
      if (v.isEmpty()) {
        throw bad(line, column, "is required but empty");
      }
      return v;
    }

    private Instant instant(CSVRecord r, int column, long line, boolean required) {
      String v = required ? required(r, column, line) : get(r, column);
      if (v.isEmpty()) {
        return null;
      }
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw bad(line, column, "not an ISO-8601 instant: '" + v + "'");
      }
    }

    private long integer(String v, int column, long line) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw bad(line, column, "not an integer: '" + v + "'");
      }
    }

    private Long optionalInteger(CSVRecord r, int column, long line) {
      String v = get(r, column);
      return v.isEmpty() ? null : integer(v, column, line);
    }

    private Double decimal(CSVRecord r, int column, long line) {
      String v = get(r, column);
      if (v.isEmpty()) {
        return null;
      }
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
