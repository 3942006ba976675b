package io.gradesim.traces.format;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.SeenIds;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.TraceLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The checks every imported row passes, whatever its format: instants and grading demand within
 * {@link TraceLimits}, and an id no earlier row has ({@link SeenIds}). A row that fails goes to the
 * reject sink with its input line; a duplicate names the line of the first row with its id.
 */
public final class ImportChecks extends LazySubmissions {
  private final TraceImporter importer;
  private final Path input;
  private final RejectSink rejects;
  private final Iterator<Submission> rows;
  private final SeenIds ids;
  private long ordinal;

  private ImportChecks(
      TraceFormat format,
      TraceImporter importer,
      Path input,
      ImportOptions options,
      RejectSink rejects,
      Stream<Submission> rows) {
    this.importer = importer;
    this.input = input;
    this.rejects = rejects;
    this.rows = rows.iterator();
    this.ids = new SeenIds(line -> idAt(format.importer(), input, options, line));
  }

  /** Reads {@code input} with {@code importer} (of {@code format}), checking every row. */
  public static Stream<Submission> read(
      TraceFormat format,
      TraceImporter importer,
      Path input,
      ImportOptions options,
      RejectSink rejects)
      throws IOException {
    Stream<Submission> rows = importer.read(input, options, rejects);
    return new ImportChecks(format, importer, input, options, rejects, rows).stream(rows::close);
  }

  @Override
  protected Submission advance() {
    while (rows.hasNext()) {
      Submission s = rows.next();
      ordinal++;
      long line = importer.line() > 0 ? importer.line() : ordinal;
      try {
        TraceLimits.check(s, input, line);
        long first = ids.firstLine(s.id(), line);
        if (first != 0) {
          throw new TraceFormatException(
              input,
              line,
              "id",
              "duplicate id '" + s.id() + "': line " + first + " has it already");
        }
        return s;
      } catch (TraceFormatException e) {
        rejects.reject(e);
      }
    }
    return null;
  }

  /** The id of the row at {@code line}, read again by a new importer: the exact id check. */
  private static String idAt(TraceImporter fresh, Path input, ImportOptions options, long line) {
    try (Stream<Submission> again = fresh.read(input, options, e -> {})) {
      for (Iterator<Submission> it = again.iterator(); it.hasNext(); ) {
        Submission s = it.next();
        if (fresh.line() == line) {
          return s.id();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
