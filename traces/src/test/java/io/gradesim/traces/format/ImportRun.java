package io.gradesim.traces.format;

import io.gradesim.traces.Submission;
import io.gradesim.traces.TraceFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One import done by a test: the submissions in output order and the rejected records.
 *
 * @param rows the submissions, in the order the importer returned them
 * @param rejects the rejections, in input order
 * @param notes the importer's notes after the stream was consumed
 */
public record ImportRun(
    List<Submission> rows, List<TraceFormatException> rejects, List<String> notes) {

  /** Imports {@code input} completely, collecting rejections instead of failing. */
  public static ImportRun of(TraceImporter importer, Path input, ImportOptions options)
      throws IOException {
    List<TraceFormatException> rejects = new ArrayList<>();
    List<Submission> rows;
    try (Stream<Submission> s = importer.read(input, options, rejects::add)) {
      rows = s.toList();
    }
    return new ImportRun(rows, rejects, importer.notes());
  }

  /** The earliest arrival. */
  public Instant first() {
    return rows.stream().map(Submission::submittedAt).min(Comparator.naturalOrder()).orElseThrow();
  }

  /** The latest arrival. */
  public Instant last() {
    return rows.stream().map(Submission::submittedAt).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** The number of distinct users. */
  public long users() {
    return rows.stream().flatMap(s -> s.users().stream()).distinct().count();
  }

  /** The grading times present, sorted. */
  public List<Long> gradingMs() {
    return rows.stream().map(Submission::gradingMs).filter(Objects::nonNull).sorted().toList();
  }

  /** How many rows have {@code result}. */
  public long withResult(String result) {
    return rows.stream().filter(s -> Objects.equals(s.result(), result)).count();
  }

  /** The nearest-rank percentile {@code p} (0..1] of sorted {@code values}. */
  public static long percentile(List<Long> sorted, double p) {
    return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
  }
}
