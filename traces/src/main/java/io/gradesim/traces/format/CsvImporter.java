package io.gradesim.traces.format;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The shared part of the CSV-based importers (ejudge, ProgSnap2, generic CSV): opens plain or gzip
 * input, reads the header, streams the rows and sends each bad one to the reject sink with its
 * line. A subclass only maps one row to a submission.
 */
public abstract class CsvImporter implements TraceImporter {
  private long lastLine;
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .get();

  /** Maps one row to a submission, or to null for a row the format skips on purpose. */
  @FunctionalInterface
  protected interface RowMapper {
    /** The submission of {@code row}; throws {@link TraceFormatException} for a bad row. */
    Submission map(CsvRow row);
  }

  /** Prepares the mapping of {@code input}'s rows once its header is known. */
  protected abstract RowMapper mapper(Path input, ImportOptions options, CsvHeader header)
      throws IOException;

  @Override
  public final Stream<Submission> read(Path input, ImportOptions options, RejectSink rejects)
      throws IOException {
    CSVParser parser = open(input);
    try {
      CsvHeader header = new CsvHeader(input, parser.getHeaderNames());
      for (String name : header.names()) {
        if (TraceInput.invalidAt(name) >= 0) {
          throw new TraceFormatException(input, 1, null, "header: not valid UTF-8");
        }
      }
      RowMapper mapper = mapper(input, options, header);
      return new Rows(this, input, parser, header, mapper, rejects).stream(parser);
    } catch (IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  private static CSVParser open(Path input) throws IOException {
    Reader reader = null;
    try {
      reader = TraceInput.openText(input); // drops a byte-order mark
      return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    } catch (FileSystemException e) {
      throw e; // missing or unreadable file: the user fixes the path, not the content
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      if (reader != null) {
        reader.close();
      }
      Throwable cause =
          e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      throw new TraceFormatException(
          input, 1, null, "unreadable CSV header: " + cause.getMessage());
    }
  }

  @Override
  public final long line() {
    return lastLine;
  }

  /** The lazy row loop: the next mapped submission, rejecting bad rows on the way. */
  private static final class Rows extends LazySubmissions {
    private final CsvImporter importer;
    private final Path input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvHeader header;
    private final RowMapper mapper;
    private final RejectSink rejects;

    Rows(
        CsvImporter importer,
        Path input,
        CSVParser parser,
        CsvHeader header,
        RowMapper mapper,
        RejectSink rejects) {
      this.importer = importer;
      this.input = input;
      this.parser = parser;
      this.records = parser.iterator();
      this.header = header;
      this.mapper = mapper;
      this.rejects = rejects;
    }

    @Override
    protected Submission advance() {
      while (true) {
        CSVRecord r;
        try {
          if (!records.hasNext()) {
            return null;
          }
          r = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // A broken quote or a truncated gzip stream: nothing after it can be trusted.
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          rejects.reject(
              new TraceFormatException(
                  input,
                  parser.getCurrentLineNumber() + 1,
                  null,
                  "unreadable from here on: " + cause.getMessage()));
          return null;
        }
        long line = parser.getCurrentLineNumber();
        try {
          if (r.size() != header.names().size()) {
            throw new TraceFormatException(
                input,
                line,
                null,
                "expected "
                    + header.names().size()
                    + " fields as in the header, found "
                    + r.size());
          }
          for (int i = 0; i < r.size(); i++) {
            if (TraceInput.invalidAt(r.get(i)) >= 0) {
              throw new TraceFormatException(
                  input,
                  line,
                  header.names().get(i),
                  "not valid UTF-8 (the file must be UTF-8 text)");
            }
          }
          Submission s = mapper.map(new CsvRow(input, line, r, header.names()));
          if (s != null) {
            importer.lastLine = line;
            return s;
          }
        } catch (TraceFormatException e) {
          rejects.reject(e);
        }
      }
    }
  }
}
