package io.gradesim.traces.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads RFC 4180 CSV records from bytes, one record at a time, into a reusable buffer: quoted
 * fields may hold commas, doubled quotes and line breaks; records end with LF, CRLF or CR; empty
 * lines are skipped; a UTF-8 byte-order mark is ignored. The caller reads each field as bytes (for
 * numbers and instants) or as a string, decoded strictly. {@link #line()} is the physical line
 * where the current record starts.
 */
final class CsvInput implements AutoCloseable {
  /** A record that is not valid CSV; the reader cannot go on after it. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    Malformed(long line, String reason) {
      super(reason, null, false, false);
      this.line = line;
    }
  }

  private static final int MAX_RECORD = 64 << 20;

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] rec = new byte[1024];
  private int recLen;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int fields;
  private long nextLine = 1;
  private long line;
  // Strict: a malformed byte is reported (and the row rejected), never replaced by U+FFFD.
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  CsvInput(InputStream in) throws IOException {
    this.in = in;
    fill();
    if (limit - pos >= 3
        && (buf[0] & 0xff) == 0xEF
        && (buf[1] & 0xff) == 0xBB
        && (buf[2] & 0xff) == 0xBF) {
      pos = 3;
    }
  }

  /** Reads the next non-empty record; false at the end of the input. */
  boolean next() throws IOException, Malformed {
    while (true) {
      if (pos >= limit && !fill()) {
        return false;
      }
      byte b = buf[pos];
      if (b == '\n' || b == '\r') {
        pos++;
        endOfLine(b);
        continue;
      }
      break;
    }
    line = nextLine;
    recLen = 0;
    fields = 0;
    while (true) {
      int start = recLen;
      boolean last = readField();
      addField(start, recLen);
      if (last) {
        return true;
      }
    }
  }

  /** Reads one field; true when it ended the record. */
  private boolean readField() throws IOException, Malformed {
    if (pos >= limit && !fill()) {
      return true;
    }
    if (buf[pos] == '"') {
      pos++;
      return readQuoted();
    }
    while (true) {
      int from = pos;
      while (pos < limit) {
        byte b = buf[pos];
        if (b == ',' || b == '\n' || b == '\r') {
          break;
        }
        pos++;
      }
      append(from, pos);
      if (pos < limit) {
        byte b = buf[pos++];
        if (b == ',') {
          return false;
        }
        endOfLine(b);
        return true;
      }
      if (!fill()) {
        return true;
      }
    }
  }

  private boolean readQuoted() throws IOException, Malformed {
    long startLine = nextLine;
    while (true) {
      if (pos >= limit && !fill()) {
        throw new Malformed(startLine, "quoted field is not closed before the end of the file");
      }
      byte b = buf[pos++];
      if (b == '"') {
        if (pos >= limit && !fill()) {
          return true;
        }
        byte after = buf[pos];
        if (after == '"') {
          pos++;
          appendByte((byte) '"');
          continue;
        }
        pos++;
        if (after == ',') {
          return false;
        }
        if (after == '\n' || after == '\r') {
          endOfLine(after);
          return true;
        }
        throw new Malformed(
            line, "unexpected '" + (char) (after & 0xff) + "' after a closing quote");
      }
      if (b == '\n') {
        nextLine++;
      }
      appendByte(b);
    }
  }

  /** Counts a line end; a CR followed by LF is one. */
  private void endOfLine(byte b) throws IOException {
    nextLine++;
    if (b == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
      pos++;
    }
  }

  private void append(int from, int to) throws Malformed {
    int n = to - from;
    if (n == 0) {
      return;
    }
    grow(n);
    System.arraycopy(buf, from, rec, recLen, n);
    recLen += n;
  }

  private void appendByte(byte b) throws Malformed {
    grow(1);
    rec[recLen++] = b;
  }

  private void grow(int n) throws Malformed {
    if (recLen + n > rec.length) {
      if (recLen + n > MAX_RECORD) {
        throw new Malformed(line, "record longer than " + MAX_RECORD + " bytes");
      }
      rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLen + n));
    }
  }

  private void addField(int start, int end) {
    if (fields == starts.length) {
      starts = Arrays.copyOf(starts, fields * 2);
      ends = Arrays.copyOf(ends, fields * 2);
    }
    starts[fields] = start;
    ends[fields] = end;
    fields++;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** The physical line where the current record starts. */
  long line() {
    return line;
  }

  /** The number of fields of the current record. */
  int size() {
    return fields;
  }

  /** The bytes of the current record; field {@code i} is {@code [start(i), end(i))}. */
  byte[] bytes() {
    return rec;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  /** Field {@code i} as a string (UTF-8), or null when its bytes are not valid UTF-8. */
  String string(int i) {
    int s = starts[i];
    int n = ends[i] - s;
    for (int k = s; k < s + n; k++) {
      if (rec[k] < 0) {
        try {
          return utf8.decode(ByteBuffer.wrap(rec, s, n)).toString();
        } catch (CharacterCodingException e) {
          return null;
        }
      }
    }
    return new String(rec, s, n, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
