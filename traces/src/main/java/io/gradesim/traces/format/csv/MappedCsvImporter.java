package io.gradesim.traces.format.csv;

import static io.gradesim.traces.canonical.CanonicalColumns.ALL;

import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalColumns;
import io.gradesim.traces.format.CsvHeader;
import io.gradesim.traces.format.CsvImporter;
import io.gradesim.traces.format.CsvRow;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.Pseudonyms;
import io.gradesim.traces.format.Results;
import io.gradesim.traces.format.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads any CSV with a header, mapping its columns onto canonical fields with {@code --map
 * column=field}. A column already named like a canonical field maps onto it unless the map says
 * otherwise, so a canonical trace imports without options. {@code submitted_at} and {@code task}
 * must map to a column; without an {@code id} column the id is {@code L<line>} (the row's line),
 * without a {@code course} column the course is the file name up to its first dot. The extra field
 * {@code grading_s} takes a grading time in seconds. Instants are ISO-8601 (a zone-less one needs
 * {@code --tz}) or epoch numbers: seconds below 10^11, milliseconds from there on ({@link
 * Timestamps#epoch}). Results are canonical names or CLICS judgement ids ({@link Results}).
 */
public final class MappedCsvImporter extends CsvImporter {
  private static final List<String> REQUIRED =
      List.of(CanonicalColumns.SUBMITTED_AT, CanonicalColumns.TASK);

  @Override
  protected RowMapper mapper(Path input, ImportOptions options, CsvHeader header) {
    int[] col = ColumnMapping.resolve(options.columnMap(), header);
    for (String field : REQUIRED) {
      if (col[ALL.indexOf(field)] < 0) {
        throw header.missing(
            field, "no column maps to this required field; add --map COLUMN=" + field);
      }
    }
    int gradingS = col[ColumnMapping.FIELDS.indexOf(ColumnMapping.GRADING_S)];
    String fileCourse = courseOf(input);
    ZoneId zone = options.zone();
    Pseudonyms names = new Pseudonyms(options);
    return row -> {
      String id = col[0] < 0 ? "L" + row.line() : row.required(col[0]);
      Instant at = instant(row, col[1], zone);
      List<String> users = new ArrayList<>();
      for (String u : row.text(col[4]).split(CanonicalColumns.USER_SEPARATOR)) {
        if (!u.isBlank()) {
          users.add(names.of(u.trim()));
        }
      }
      Long priority = row.integer(col[6]);
      if (priority != null && priority > Integer.MAX_VALUE) {
        throw row.bad(col[6], "priority too large: " + priority);
      }
      Double grading = gradingS >= 0 ? scaled(row.decimal(gradingS), 1000) : row.decimal(col[7]);
      Instant completed = row.text(col[8]).isBlank() ? null : instant(row, col[8], zone);
      String course = col[2] < 0 ? fileCourse : row.required(col[2]);
      return new Submission(
          id,
          at,
          course,
          row.required(col[3]),
          users,
          row.text(col[5]).trim(),
          priority == null ? 0 : priority.intValue(),
          grading == null ? null : Math.round(grading),
          completed,
          result(row, col[9]),
          row.decimal(col[10]),
          row.decimal(col[11]),
          row.integer(col[12]));
    };
  }

  private static Double scaled(Double value, double factor) {
    return value == null ? null : value * factor;
  }

  /** The course of a file without a course column: its name without extensions. */
  static String courseOf(Path input) {
    String name = input.getFileName().toString();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static Instant instant(CsvRow row, int column, ZoneId zone) {
    String v = row.required(column);
    if (Timestamps.isNumber(v)) {
      return row.parsed(column, Timestamps::epoch);
    }
    Timestamps.Stamp stamp = row.stamp(column);
    if (stamp.zone() == null && zone == null) {
      throw new IllegalArgumentException(
          row.bad(
                  column,
                  "'" + v.trim() + "' has no zone or offset; pass --tz ZONE (e.g. --tz UTC)")
              .getMessage());
    }
    return stamp.instant(zone);
  }

  private static String result(CsvRow row, int column) {
    String v = row.text(column).trim();
    if (v.isEmpty()) {
      return null;
    }
    String canonical = Results.canonical(v);
    String result = canonical != null ? canonical : Results.fromClics(v);
    if (result == null) {
      throw row.bad(
          column,
          "unknown result '"
              + v
              + "' (want one of "
              + String.join(", ", Results.ALL)
              + ", or a CLICS judgement id such as AC, WA, TLE)");
    }
    return result;
  }
}
