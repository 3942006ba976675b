package io.gradesim.traces.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 with a decoder that reports malformed bytes instead of replacing them, and drops a
 * leading byte-order mark. Each malformed sequence is handed on as one {@link TraceInput#INVALID}
 * character where it stood, so that the reader of the text can reject the very line and field that
 * hold it (a decoding exception would surface only when a buffer ahead of the current line is
 * filled, with no line to name).
 */
final class StrictUtf8Reader extends Reader {
  private static final int SIZE = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(SIZE).flip();
  private final CharBuffer chars = CharBuffer.allocate(SIZE).flip();
  private boolean eof;
  private boolean done;
  private boolean first = true;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (done) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  private void fill() throws IOException {
    chars.clear();
    while (chars.position() == 0) {
      CoderResult r = decoder.decode(bytes, chars, eof);
      if (r.isError()) {
        if (!chars.hasRemaining()) {
          break; // the marker goes first into the next buffer
        }
        bytes.position(bytes.position() + r.length());
        chars.put(TraceInput.INVALID);
      } else if (r.isOverflow()) {
        break;
      } else if (eof) {
        decoder.flush(chars);
        done = chars.position() == 0;
        break;
      } else {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }
    chars.flip();
    if (first && chars.hasRemaining()) {
      first = false;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
