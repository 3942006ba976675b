package io.gradesim.traces.format;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.io.TraceInput;
import java.io.BufferedReader;
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
 * The shared part of the CSV-based importers (ejudge, ProgSnap2, generic CSV): opens plain or
 * gzip input, reads the header, streams the rows and sends each bad one to the reject sink with
 * its line. A subclass only maps one row to a submission.
 */
public abstract class CsvImporter implements TraceImporter {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
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
      RowMapper mapper = mapper(input, options, header);
      return new Rows(input, parser, header, mapper, rejects).stream(parser);
    } catch (IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  private static CSVParser open(Path input) throws IOException {
    Reader reader = null;
    try {
      reader = skipByteOrderMark(TraceInput.openText(input));
      return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    } catch (FileSystemException e) {
      throw e; // missing or unreadable file: the user fixes the path, not the content
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      if (reader != null) {
        reader.close();
      }
      Throwable cause = e instanceof UncheckedIOException && e.getCause() != null
          ? e.getCause() : e;
      throw new TraceFormatException(input, 1, null, "unreadable CSV header: "
          + cause.getMessage());
    }
  }

  private static Reader skipByteOrderMark(Reader in) throws IOException {
    BufferedReader r = new BufferedReader(in, 1 << 16);
    r.mark(1);
    if (r.read() != '\uFEFF') {
      r.reset();
    }
    return r;
  }

  /** The lazy row loop: the next mapped submission, rejecting bad rows on the way. */
  private static final class Rows extends LazySubmissions {
    private final Path input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvHeader header;
    private final RowMapper mapper;
    private final RejectSink rejects;

    Rows(Path input, CSVParser parser, CsvHeader header, RowMapper mapper, RejectSink rejects) {
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
          rejects.reject(new TraceFormatException(input, parser.getCurrentLineNumber() + 1, null,
              "unreadable from here on: " + cause.getMessage()));
          return null;
        }
        long line = parser.getCurrentLineNumber();
        try {
          if (r.size() != header.names().size()) {
            throw new TraceFormatException(input, line, null, "expected "
                + header.names().size() + " fields as in the header, found " + r.size());
          }
          Submission s = mapper.map(new CsvRow(input, line, r, header.names()));
          if (s != null) {
            return s;
          }
        } catch (TraceFormatException e) {
          rejects.reject(e);
        }
      }
    }
  }
}
