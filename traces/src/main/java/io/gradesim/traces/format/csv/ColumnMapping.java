package io.gradesim.traces.format.csv;

import io.gradesim.traces.canonical.CanonicalColumns;
import io.gradesim.traces.format.CsvHeader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Resolves {@code --map column=field} options against a CSV header. */
final class ColumnMapping {
  /** A grading time in seconds, converted to {@code grading_ms}. */
  static final String GRADING_S = "grading_s";

  /** The fields a column can map to: the canonical columns, then {@link #GRADING_S}. */
  static final List<String> FIELDS =
      Stream.concat(CanonicalColumns.ALL.stream(), Stream.of(GRADING_S)).toList();

  private ColumnMapping() {}

  /**
   * For each field (in {@link #FIELDS} order) the index of its input column, or -1. Explicit
   * mappings win; a column named like a canonical field maps onto it when no option claims that
   * field or that column.
   */
  static int[] resolve(Map<String, String> map, CsvHeader header) {
    int[] col = new int[FIELDS.size()];
    Arrays.fill(col, -1);
    boolean[] claimed = new boolean[header.names().size()];
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      int field = FIELDS.indexOf(e.getValue().trim());
      if (field < 0) {
        throw new IllegalArgumentException(
            "--map "
                + e.getKey()
                + "="
                + e.getValue()
                + ": unknown field '"
                + e.getValue()
                + "'; fields: "
                + String.join(", ", FIELDS));
      }
      if (col[field] >= 0) {
        throw new IllegalArgumentException(
            "--map: two columns map to field '"
                + e.getValue()
                + "' ("
                + header.names().get(col[field])
                + " and "
                + e.getKey()
                + ")");
      }
      int at = header.index(e.getKey());
      if (at < 0) {
        throw header.missing(e.getKey(), "--map names a column the file does not have");
      }
      col[field] = at;
      claimed[at] = true;
    }
    int gradingMs = CanonicalColumns.ALL.indexOf(CanonicalColumns.GRADING_MS);
    if (col[gradingMs] >= 0 && col[FIELDS.indexOf(GRADING_S)] >= 0) {
      throw new IllegalArgumentException("--map: map grading_ms or grading_s, not both");
    }
    for (int f = 0; f < col.length; f++) {
      int at = header.index(FIELDS.get(f));
      if (col[f] < 0 && at >= 0 && !claimed[at]) {
        col[f] = at;
      }
    }
    return col;
  }
}
