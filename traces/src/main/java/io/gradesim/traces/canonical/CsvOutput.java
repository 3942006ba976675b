package io.gradesim.traces.canonical;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes RFC 4180 CSV straight into a byte buffer: ASCII fields are copied without encoders,
 * numbers and instants are formatted in place. A field is quoted when it holds a comma, a quote, CR
 * or LF, or starts or ends with a space; quotes inside are doubled. Lines end in LF.
 */
final class CsvOutput implements AutoCloseable {
  private static final int SIZE = 1 << 16;

  /** Room for the longest value written without a bounds check (an instant or a long). */
  private static final int SLACK = 64;

  private final OutputStream out;
  private final InstantText instants = new InstantText();
  private byte[] buf = new byte[SIZE];
  private int pos;
  private boolean first = true;

  CsvOutput(OutputStream out) {
    this.out = out;
  }

  /** Writes one text field ({@code null} as empty). */
  void text(String s) throws IOException {
    separator();
    if (s == null || s.isEmpty()) {
      return;
    }
    int n = s.length();
    boolean ascii = true;
    boolean quote = s.charAt(0) == ' ' || s.charAt(n - 1) == ' ';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        ascii = false;
      } else if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
      }
    }
    if (quote) {
      quoted(s);
    } else if (ascii) {
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[pos++] = (byte) s.charAt(i);
      }
    } else {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void quoted(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ensure(2 * b.length + 2);
    buf[pos++] = '"';
    for (byte x : b) {
      if (x == '"') {
        buf[pos++] = '"';
      }
      buf[pos++] = x;
    }
    buf[pos++] = '"';
  }

  private void bytes(byte[] b) throws IOException {
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  /** Writes a whole number. */
  void number(long v) throws IOException {
    separator();
    ensure(SLACK);
    if (v == Long.MIN_VALUE) {
      bytes(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int start = pos;
    do {
      buf[pos++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    for (int i = start, j = pos - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }

  /** Writes an instant in canonical form ({@code null} as empty). */
  void instant(Instant t) throws IOException {
    separator();
    if (t != null) {
      ensure(SLACK);
      pos = instants.format(t, buf, pos);
    }
  }

  /** Ends the current record. */
  void endRecord() throws IOException {
    ensure(1);
    buf[pos++] = '\n';
    first = true;
  }

  private void separator() throws IOException {
    if (!first) {
      ensure(1);
      buf[pos++] = ',';
    }
    first = false;
  }

  private void ensure(int n) throws IOException {
    if (pos + n > buf.length) {
      flushBuffer();
      if (n > buf.length) {
        buf = new byte[n];
      }
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      flushBuffer();
    } finally {
      out.close();
    }
  }
}
