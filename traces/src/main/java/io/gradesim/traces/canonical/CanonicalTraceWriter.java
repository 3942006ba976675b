package io.gradesim.traces.canonical;

import io.gradesim.files.AtomicWrite;
import io.gradesim.files.PartialFiles;
import io.gradesim.traces.Submission;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Streams submissions to a canonical trace CSV. Rows go to a temporary file beside the target
 * (named after this JVM, see {@link PartialFiles}), which {@link #commit()} moves into place;
 * closing without committing deletes it, so a failed import never leaves a file that looks
 * complete. A target ending in {@code .gz} is gzipped.
 */
public final class CanonicalTraceWriter implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final CsvOutput csv;
  private boolean committed;
  private boolean closed;
  private long rows;

  /** Opens a writer for {@code target} and writes the header row. */
  public CanonicalTraceWriter(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    this.temp = PartialFiles.createFile(this.target);
    OutputStream out = Files.newOutputStream(temp);
    if (target.getFileName().toString().endsWith(".gz")) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    this.csv = new CsvOutput(out);
    for (String column : CanonicalColumns.ALL) {
      csv.text(column);
    }
    csv.endRecord();
  }

  /** Appends one row. */
  public void write(Submission s) throws IOException {
    csv.text(s.id());
    csv.instant(s.submittedAt());
    csv.text(s.course());
    csv.text(s.task());
    List<String> users = s.users();
    csv.text(
        users.isEmpty()
            ? null
            : users.size() == 1
                ? users.get(0)
                : String.join(CanonicalColumns.USER_SEPARATOR, users));
    csv.text(s.environment());
    csv.number(s.priority());
    if (s.gradingMs() == null) {
      csv.text(null);
    } else {
      csv.number(s.gradingMs());
    }
    csv.instant(s.completedAt());
    csv.text(s.result());
    decimal(s.cpuLimitS());
    decimal(s.hardLimitS());
    if (s.memoryMb() == null) {
      csv.text(null);
    } else {
      csv.number(s.memoryMb());
    }
    csv.endRecord();
    rows++;
  }

  private void decimal(Double v) throws IOException {
    if (v == null) {
      csv.text(null);
      return;
    }
    double d = v;
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      csv.number((long) d);
    } else {
      csv.text(Double.toString(d));
    }
  }

  /** The number of rows written so far. */
  public long rows() {
    return rows;
  }

  /** Flushes the file and moves it into place. */
  public void commit() throws IOException {
    closed = true;
    csv.close();
    AtomicWrite.moveIntoPlace(temp, target);
    committed = true;
  }

  /** Closes the writer; without a prior {@link #commit()} the partial file is deleted. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        if (!closed) {
          closed = true;
          csv.close();
        }
      } finally {
        PartialFiles.delete(temp);
      }
    }
  }
}
