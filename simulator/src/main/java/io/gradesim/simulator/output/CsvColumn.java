package io.gradesim.simulator.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column of one of the run's CSV files, implemented by an enum whose constant names are the
 * column names: its header name, unit and meaning (documented in {@code simulator/OUTPUTS.md}).
 */
public interface CsvColumn {

  /** What a column holds: its unit (or "") and its meaning. */
  record Doc(String unit, String meaning) {}

  /** The enum constant's name. */
  String name();

  /** The column's unit and meaning. */
  Doc doc();

  /** The column name as written in the header. */
  default String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit: {@code instant} (ISO-8601 UTC, µs), {@code s} (seconds, 6 decimals), or others. */
  default String unit() {
    return doc().unit();
  }

  /** What the column means. */
  default String meaning() {
    return doc().meaning();
  }

  /** The header row of {@code columns}, in order. */
  static List<String> header(CsvColumn[] columns) {
    List<String> names = new ArrayList<>();
    for (CsvColumn c : columns) {
      names.add(c.column());
    }
    return names;
  }
}
