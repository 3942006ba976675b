package io.gradesim.traces.format;

import io.gradesim.traces.RejectSink;
import io.gradesim.traces.Submission;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads one real trace format as submissions. An importer streams: it never holds the whole trace
 * in memory (a format that must pair events, such as CLICS judgements, keeps only the unpaired
 * ones). Bad records go to the reject sink with file, line and field.
 *
 * <p>The returned stream is in the order of the input; the import command sorts it by {@code
 * submitted_at} when the input is not sorted.
 */
public interface TraceImporter {

  /** Opens {@code input} and returns its submissions; close the stream to release the file. */
  Stream<Submission> read(Path input, ImportOptions options, RejectSink rejects) throws IOException;

  /**
   * What the importer inferred or assumed while reading (e.g. a time-zone offset), one line each,
   * for the user; complete once the returned stream has been consumed.
   */
  default List<String> notes() {
    return List.of();
  }

  /**
   * The 1-based input line of the submission the stream returned last (where its record starts), or
   * 0 when the format cannot tell.
   */
  default long line() {
    return 0;
  }
}
