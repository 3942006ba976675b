package io.gradesim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** Finds a column by the first of its accepted names in a CSV header, and parses numbers. */
final class CsvColumns {
  private final Path file;
  private final Map<String, Integer> header;

  CsvColumns(Path file, Map<String, Integer> header) {
    this.file = file;
    this.header = header;
  }

  /** Index of the first present name, or -1. */
  int find(List<String> names) {
    for (String name : names) {
      Integer i = header.get(name);
      if (i != null) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the first present name; an IOException naming the file when none is. */
  int require(List<String> names) throws IOException {
    int i = find(names);
    if (i < 0) {
      throw new IOException(
          file
              + ": line 1: no column "
              + String.join(" or ", names)
              + " in header "
              + header.keySet());
    }
    return i;
  }

  /** The number in column {@code i} of {@code row}; NaN when blank or the column is absent. */
  double number(CSVRecord row, int i, String field) throws IOException {
    if (i < 0 || i >= row.size()) {
      return Double.NaN;
    }
    String s = row.get(i).trim();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      // Header is line 1, so the record number is the data row's line minus one.
      throw new IOException(
          file
              + ": line "
              + (row.getRecordNumber() + 1)
              + ": field "
              + field
              + ": not a number: '"
              + s
              + "'");
    }
  }
}
