package io.gradesim.traces.format;

import io.gradesim.traces.TraceFormatException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row of a CSV input with typed accessors; each accessor that finds a bad value throws a
 * {@link TraceFormatException} naming the file, the line and the column.
 */
public final class CsvRow {
  private final Path file;
  private final long line;
  private final CSVRecord record;
  private final List<String> names;

  CsvRow(Path file, long line, CSVRecord record, List<String> names) {
    this.file = file;
    this.line = line;
    this.record = record;
    this.names = names;
  }

  /** The 1-based line of this row in the file (its last line, for a value spanning lines). */
  public long line() {
    return line;
  }

  /** The value in {@code column} as written, or "" when the column is absent ({@code -1}). */
  public String text(int column) {
    return column < 0 ? "" : record.get(column);
  }

  /** The trimmed value in {@code column}; a row without it is rejected. */
  public String required(int column) {
    String v = text(column).trim();
    if (v.isEmpty()) {
      throw bad(column, "is required but empty");
    }
    return v;
  }

  /** A non-negative finite number, or null when empty. */
  public Double decimal(int column) {
    String v = text(column).trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d) && d >= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw bad(column, "not a finite non-negative number: '" + v + "'");
  }

  /** A non-negative integer, or null when empty. */
  public Long integer(int column) {
    String v = text(column).trim();
    if (v.isEmpty()) {
      return null;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw bad(column, "not a non-negative integer: '" + v + "'");
  }

  /** A required ISO-8601 date-time, as written (its zone may be absent). */
  public Timestamps.Stamp stamp(int column) {
    String v = required(column);
    try {
      return Timestamps.parse(v);
    } catch (IllegalArgumentException e) {
      throw bad(column, e.getMessage());
    }
  }

  /** Runs {@code parse} on the required value of {@code column}, rejecting what it refuses. */
  public <T> T parsed(int column, Function<String, T> parse) {
    String v = required(column);
    try {
      return parse.apply(v);
    } catch (TraceFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw bad(column, e.getMessage());
    }
  }

  /** A rejection of this row, blaming {@code column} (-1 for the row as a whole). */
  public TraceFormatException bad(int column, String reason) {
    return new TraceFormatException(file, line, column < 0 ? null : names.get(column), reason);
  }
}
