package io.gradesim.simulator.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * An output stream whose write errors name its file: the JDK's say only "No space left on device",
 * which leaves the user to guess which of several outputs (or disks) was full.
 */
final class PathNamingOutputStream extends FilterOutputStream {
  private final Path file;

  PathNamingOutputStream(Path file, OutputStream out) {
    super(out);
    this.file = file;
  }

  /** {@code e} with a message that begins with {@code file}. */
  static IOException naming(Path file, IOException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains(file.toString())
        ? e
        : new IOException(
            file + ": " + (m.equals("No space left on device") ? "no space left on device" : m), e);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw naming(file, e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw naming(file, e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw naming(file, e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } catch (IOException e) {
      throw naming(file, e);
    }
  }
}
