package io.gradesim.simulator.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A small buffered CSV writer for the hot output path: fields go straight into a byte buffer, with
 * no per-field objects. Strings are quoted per RFC 4180 when they hold a comma, a quote or a line
 * break; rows end with {@code \n}. Instants are ISO-8601 UTC with exactly six fractional digits
 * ({@code 2024-03-08T09:15:02.123456Z}); seconds carry exactly six decimals.
 */
final class CsvSink implements AutoCloseable {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private final byte[] digits = new byte[20];
  private int pos;
  private boolean rowStarted;
  // Two dates kept: a row's instants may straddle midnight (arrival one day, feedback the next),
  // and a single cached date would then be formatted again for almost every field.
  private long cachedDay = Long.MIN_VALUE;
  private byte[] cachedDate = new byte[0];
  private long otherDay = Long.MIN_VALUE;
  private byte[] otherDate = new byte[0];

  CsvSink(OutputStream out) {
    this.out = out;
  }

  /** Writes a header row of the given names. */
  void header(Iterable<String> names) throws IOException {
    for (String name : names) {
      text(name);
    }
    endRow();
  }

  /** Writes an empty field. */
  void empty() throws IOException {
    separator();
  }

  /** Writes a string field, quoted when needed. */
  void text(String s) throws IOException {
    separator();
    int n = s.length();
    if (pos + n + 2 > buf.length) {
      flushBuffer();
    }
    if (n > buf.length / 4 || !plainAscii(s)) {
      quotedUtf8(s);
      return;
    }
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  /**
   * A text field given as {@code length} bytes of UTF-8 from {@code b} at {@code off}: written as
   * {@link #text} writes the string they encode, copied without decoding unless it must be quoted.
   */
  void textUtf8(byte[] b, int off, int length) throws IOException {
    for (int i = off; i < off + length; i++) {
      byte c = b[i];
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        text(new String(b, off, length, StandardCharsets.UTF_8));
        return;
      }
    }
    separator();
    if (length > buf.length - pos) {
      flushBuffer();
      if (length > buf.length) {
        out.write(b, off, length);
        return;
      }
    }
    System.arraycopy(b, off, buf, pos, length);
    pos += length;
  }

  /** Writes a whole number. */
  void number(long v) throws IOException {
    separator();
    ensure(21);
    if (v < 0) {
      buf[pos++] = '-';
      if (v == Long.MIN_VALUE) {
        writeAscii("9223372036854775808");
        return;
      }
      v = -v;
    }
    writeDigits(v);
  }

  /** Writes {@code micros} as seconds with exactly six decimals. */
  void seconds(long micros) throws IOException {
    separator();
    ensure(24);
    long abs = micros;
    if (micros < 0) {
      buf[pos++] = '-';
      abs = -micros;
    }
    writeDigits(abs / 1_000_000L);
    buf[pos++] = '.';
    long frac = abs % 1_000_000L;
    for (int d = 100_000; d > 0; d /= 10) {
      buf[pos++] = (byte) ('0' + (frac / d) % 10);
    }
  }

  /** Writes the instant {@code epochMicros} (µs since 1970) as ISO-8601 UTC with 6 decimals. */
  void instant(long epochMicros) throws IOException {
    separator();
    long second = Math.floorDiv(epochMicros, 1_000_000L);
    long day = Math.floorDiv(second, 86_400L);
    if (day != cachedDay) {
      long d = otherDay;
      byte[] b = otherDate;
      otherDay = cachedDay;
      otherDate = cachedDate;
      cachedDay = day;
      cachedDate =
          d == day ? b : (LocalDate.ofEpochDay(day) + "T").getBytes(StandardCharsets.US_ASCII);
    }
    ensure(cachedDate.length + 16);
    System.arraycopy(cachedDate, 0, buf, pos, cachedDate.length);
    pos += cachedDate.length;
    int ofDay = (int) (second - day * 86_400L);
    int hours = ofDay / 3600;
    int rest = ofDay - hours * 3600;
    int minutes = rest / 60;
    two(hours);
    buf[pos++] = ':';
    two(minutes);
    buf[pos++] = ':';
    two(rest - minutes * 60);
    buf[pos++] = '.';
    int frac = (int) (epochMicros - second * 1_000_000L);
    int high = frac / 10_000;
    int low = frac - high * 10_000;
    two(high);
    two(low / 100);
    two(low % 100);
    buf[pos++] = 'Z';
  }

  /** Formats {@code epochMicros} as {@link #instant(long)} writes it. */
  static String formatInstant(long epochMicros) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvSink sink = new CsvSink(bytes)) {
      sink.instant(epochMicros);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  /** Writes a preformatted field verbatim (the caller guarantees it needs no quoting). */
  void raw(String ascii) throws IOException {
    separator();
    ensure(ascii.length());
    writeAscii(ascii);
  }

  /** Ends the current row. */
  void endRow() throws IOException {
    ensure(1);
    buf[pos++] = '\n';
    rowStarted = false;
  }

  /** Flushes buffered bytes to the stream. */
  void flush() throws IOException {
    flushBuffer();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      flushBuffer();
    } finally {
      out.close();
    }
  }

  private void separator() throws IOException {
    if (rowStarted) {
      ensure(1);
      buf[pos++] = ',';
    }
    rowStarted = true;
  }

  private static boolean plainAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  private void quotedUtf8(String s) throws IOException {
    boolean quote =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    String body = quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > buf.length - pos) {
      flushBuffer();
      if (bytes.length > buf.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  private void two(int v) {
    buf[pos++] = (byte) ('0' + v / 10);
    buf[pos++] = (byte) ('0' + v % 10);
  }

  private void writeDigits(long v) {
    int i = digits.length;
    do {
      digits[--i] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    int len = digits.length - i;
    System.arraycopy(digits, i, buf, pos, len);
    pos += len;
  }

  private void writeAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  private void ensure(int n) throws IOException {
    if (pos + n > buf.length) {
      flushBuffer();
    }
  }

  private void flushBuffer() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }
}
