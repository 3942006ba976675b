package io.gradesim.traces.canonical;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.SeenIds;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a canonical trace CSV (plain or gzip) as submissions, lazily: the trace is never held in
 * memory. A malformed row, or one out of {@code submitted_at} order, goes to the reject sink with
 * its line and field; a missing required column fails at once. Columns may come in any order and
 * unknown columns are ignored. Instants and {@code grading_ms} outside {@link
 * io.gradesim.traces.TraceLimits} and text that is not valid UTF-8 are rejected too.
 */
public final class CanonicalTraceReader {
  private CanonicalTraceReader() {}

  /**
   * Opens {@code file}; close the returned stream to release the file. Rows are parsed ahead on a
   * background thread, in bounded batches, so that parsing and the caller's work overlap on two
   * cores; rejections still reach {@code rejects} on the caller's thread, in file order.
   */
  public static Stream<Submission> read(Path file, RejectSink rejects) throws IOException {
    return open(file, rejects, true, false);
  }

  /**
   * Like {@link #read}, and a row whose id an earlier row has is rejected, naming both lines
   * ({@link SeenIds}: up to 64 bytes a row while the stream is open).
   */
  public static Stream<Submission> readUnique(Path file, RejectSink rejects) throws IOException {
    return open(file, rejects, true, true);
  }

  /** Like {@link #read} but parses on the caller's thread (for many files open at once). */
  public static Stream<Submission> readSequential(Path file, RejectSink rejects)
      throws IOException {
    return open(file, rejects, false, false);
  }

  private static Stream<Submission> open(
      Path file, RejectSink rejects, boolean ahead, boolean unique) throws IOException {
    CsvInput csv = new CsvInput(TraceInput.open(file));
    CanonicalRowMapper mapper;
    try {
      mapper = new CanonicalRowMapper(file, header(file, csv));
    } catch (RuntimeException e) {
      csv.close();
      throw e;
    }
    Iterator<Submission> rows;
    Runnable close;
    if (ahead) {
      ReadAhead readAhead =
          new ReadAhead(sink -> rows(file, csv, mapper, sink, unique), csv, rejects);
      rows = readAhead;
      close = readAhead::close;
    } else {
      rows = rows(file, csv, mapper, rejects, unique);
      close =
          () -> {
            try {
              csv.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
    }
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(close);
  }

  /** The rows of {@code csv} after its header, read on the calling thread. */
  private static Iterator<Submission> rows(
      Path file, CsvInput csv, CanonicalRowMapper mapper, RejectSink rejects, boolean unique) {
    SeenIds ids = unique ? new SeenIds(line -> idAt(file, line)) : null;
    return new Iterator<>() {
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
              throw new TraceFormatException(
                  file,
                  csv.line(),
                  CanonicalColumns.SUBMITTED_AT,
                  "rows must be sorted by submitted_at; "
                      + s.submittedAt()
                      + " comes after "
                      + last);
            }
            long first = ids == null ? 0 : ids.firstLine(s.id(), csv.line());
            if (first != 0) {
              throw new TraceFormatException(
                  file,
                  csv.line(),
                  CanonicalColumns.ID,
                  "duplicate id '" + s.id() + "': line " + first + " has it already");
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
  }

  /** The id of the row that starts at {@code line}: the exact check behind {@link SeenIds}. */
  private static String idAt(Path file, long line) {
    try (CsvInput csv = new CsvInput(TraceInput.open(file))) {
      CanonicalRowMapper mapper = new CanonicalRowMapper(file, header(file, csv));
      while (csv.next()) {
        if (csv.line() == line) {
          return mapper.map(csv).id();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvInput.Malformed e) {
      return null;
    }
  }

  private static List<String> header(Path file, CsvInput csv) throws IOException {
    try {
      if (!csv.next()) {
        throw new TraceFormatException(
            file,
            1,
            null,
            "empty file: expected a header row (" + String.join(",", CanonicalColumns.ALL) + ")");
      }
    } catch (CsvInput.Malformed e) {
      throw new TraceFormatException(file, e.line, null, "header: " + e.getMessage());
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < csv.size(); i++) {
      String name = csv.string(i);
      if (name == null) {
        throw new TraceFormatException(file, 1, null, "header: not valid UTF-8");
      }
      names.add(name.trim());
    }
    return names;
  }
}
