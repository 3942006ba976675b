package io.gradesim.traces.format.progsnap2;

import io.gradesim.traces.Submission;
import io.gradesim.traces.format.CsvHeader;
import io.gradesim.traces.format.CsvImporter;
import io.gradesim.traces.format.CsvRow;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.Pseudonyms;
import io.gradesim.traces.format.Results;
import io.gradesim.traces.format.Timestamps;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code Submit} events of a ProgSnap2 {@code MainTable.csv} (ProgSnap2 specification,
 * cssplice.github.io/progsnap2): id = {@code EventID}, arrival = {@code ServerTimestamp}, task =
 * {@code ProblemID} (else {@code AssignmentID}), user = {@code SubjectID}, course = {@code
 * CourseID} (else the dataset's folder name), result from {@code Correct}. Other event types are
 * skipped and counted in {@link #notes()}. Rows stay in file order (ProgSnap2 tables are often
 * grouped by student); the import command sorts them.
 *
 * <p>A timestamp's zone comes from the value itself, else the row's {@code ServerTimezone}, else
 * {@code --tz}, else a time-zone property of {@code DatasetMetadata.csv} beside the table; with
 * none, the import stops at the first such row.
 */
public final class ProgSnap2Importer extends CsvImporter {
  private final Map<String, Long> skipped = new TreeMap<>();

  @Override
  protected RowMapper mapper(Path input, ImportOptions options, CsvHeader header)
      throws IOException {
    int type = header.require("EventType");
    int id = header.require("EventID");
    int subject = header.require("SubjectID");
    int time = header.require("ServerTimestamp");
    int problem =
        header.index("ProblemID") >= 0 ? header.index("ProblemID") : header.index("AssignmentID");
    if (problem < 0) {
      throw header.missing("ProblemID", "required column is missing (or AssignmentID)");
    }
    int timezone = header.index("ServerTimezone");
    int courseId = header.index("CourseID");
    int correct = header.index("Correct");
    ZoneId zone = options.zone() != null ? options.zone() : DatasetMetadata.zoneBeside(input);
    Path folder = input.toAbsolutePath().getParent();
    String defaultCourse =
        folder == null || folder.getFileName() == null
            ? "progsnap2"
            : folder.getFileName().toString();
    Pseudonyms names = new Pseudonyms(options);
    skipped.clear();
    return row -> {
      String event = row.required(type);
      if (!event.equalsIgnoreCase("Submit")) {
        skipped.merge(event, 1L, Long::sum);
        return null;
      }
      Timestamps.Stamp stamp = row.stamp(time);
      ZoneId z =
          stamp.zone() != null
              ? stamp.zone()
              : !row.text(timezone).isBlank() ? row.parsed(timezone, Timestamps::zone) : zone;
      if (z == null) {
        throw new IllegalArgumentException(
            row.bad(
                    time,
                    "'"
                        + row.text(time).trim()
                        + "' has no zone, the table has no ServerTimezone and DatasetMetadata.csv names"
                        + " none; pass --tz ZONE (e.g. --tz UTC)")
                .getMessage());
      }
      String course = row.text(courseId).isBlank() ? defaultCourse : row.text(courseId).trim();
      return new Submission(
          row.required(id),
          stamp.instant(z),
          course,
          row.required(problem),
          List.of(names.of(row.required(subject))),
          null,
          0,
          null,
          null,
          result(row, correct),
          null,
          null,
          null);
    };
  }

  private static String result(CsvRow row, int column) {
    String v = row.text(column).trim().toUpperCase(Locale.ROOT);
    switch (v) {
      case "TRUE":
        return Results.SUCCESS;
      case "FALSE":
        return Results.FAILED;
      case "":
      case "NA":
        return null;
      default:
        throw row.bad(column, "expected TRUE, FALSE or NA, found '" + row.text(column) + "'");
    }
  }

  /** Rows skipped per event type in the last import. */
  public Map<String, Long> skipped() {
    return Map.copyOf(skipped);
  }

  @Override
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (!skipped.isEmpty()) {
      long total = skipped.values().stream().mapToLong(Long::longValue).sum();
      notes.add("skipped " + total + " events that are not Submit: " + skipped);
    }
    return notes;
  }
}
