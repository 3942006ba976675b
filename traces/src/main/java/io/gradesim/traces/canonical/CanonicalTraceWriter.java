package io.gradesim.traces.canonical;

import io.gradesim.traces.Submission;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams submissions to a canonical trace CSV. Rows go to a temporary file beside the target,
 * which {@link #commit()} moves into place; closing without committing deletes it, so a failed
 * import never leaves a file that looks complete. A target ending in {@code .gz} is gzipped.
 */
public final class CanonicalTraceWriter implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final CSVPrinter printer;
  private boolean committed;
  private long rows;

  /** Opens a writer for {@code target} and writes the header row. */
  public CanonicalTraceWriter(Path target) throws IOException {
    this.target = target.toAbsolutePath();
    Path dir = this.target.getParent();
    Files.createDirectories(dir);
    this.temp = Files.createTempFile(dir, "." + this.target.getFileName(), ".partial");
    Writer out;
    if (target.getFileName().toString().endsWith(".gz")) {
      out = new OutputStreamWriter(
          new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16), StandardCharsets.UTF_8);
    } else {
      out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    }
    this.printer = new CSVPrinter(new BufferedWriter(out, 1 << 16),
        CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    printer.printRecord(CanonicalColumns.ALL);
  }

  /** Appends one row. */
  public void write(Submission s) throws IOException {
    printer.print(s.id());
    printer.print(s.submittedAt().toString());
    printer.print(s.course());
    printer.print(s.task());
    printer.print(String.join(CanonicalColumns.USER_SEPARATOR, s.users()));
    printer.print(s.environment());
    printer.print(s.priority());
    printer.print(orEmpty(s.gradingMs()));
    printer.print(s.completedAt() == null ? "" : s.completedAt().toString());
    printer.print(s.result() == null ? "" : s.result());
    printer.print(number(s.cpuLimitS()));
    printer.print(number(s.hardLimitS()));
    printer.print(orEmpty(s.memoryMb()));
    printer.println();
    rows++;
  }

  /** The number of rows written so far. */
  public long rows() {
    return rows;
  }

  /** Flushes the file and moves it into place. */
  public void commit() throws IOException {
    printer.close();
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  /** Closes the writer; without a prior {@link #commit()} the partial file is deleted. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        printer.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static String orEmpty(Long v) {
    return v == null ? "" : Long.toString(v);
  }

  private static String number(Double v) {
    if (v == null) {
      return "";
    }
    double d = v;
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
