package io.gradesim.traces.cli;

import io.gradesim.files.AtomicWrite;
import io.gradesim.files.PartialFiles;
import io.gradesim.traces.RejectSink;
import io.gradesim.traces.TraceFormatException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Collects rejected rows into a CSV ({@code file,line,field,reason}), created on the first
 * rejection only, written to a temporary name and moved into place by {@link #commit()}.
 */
final class RejectsFile implements RejectSink, AutoCloseable {
  private final Path target;
  private Path temp;
  private CSVPrinter printer;
  private long count;
  private TraceFormatException first;

  RejectsFile(Path target) {
    this.target = target.toAbsolutePath();
  }

  @Override
  public void reject(TraceFormatException e) {
    try {
      if (printer == null) {
        temp = PartialFiles.createFile(target);
        printer =
            new CSVPrinter(
                new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        printer.printRecord("file", "line", "field", "reason");
      }
      printer.printRecord(
          e.file() == null ? "" : e.file().getFileName(),
          e.line(),
          e.field() == null ? "" : e.field(),
          e.reason());
      count++;
      if (first == null) {
        first = e;
      }
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
  }

  /** How many rows were rejected. */
  long count() {
    return count;
  }

  /** The first rejection, or null. */
  TraceFormatException first() {
    return first;
  }

  /** The file the rejections go to. */
  Path target() {
    return target;
  }

  /** Moves the rejects into place if there were any, else removes a stale rejects file. */
  void commit() throws IOException {
    if (printer == null) {
      Files.deleteIfExists(target);
    } else {
      printer.close();
      printer = null;
      AtomicWrite.moveIntoPlace(temp, target);
      temp = null;
    }
  }

  @Override
  public void close() throws IOException {
    if (printer != null) {
      printer.close();
    }
    if (temp != null) {
      PartialFiles.delete(temp);
    }
  }
}
