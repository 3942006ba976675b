package io.gradesim.simulator.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The submission ids of the rows in flight, as UTF-8 bytes in one ring of bytes: ids are added in
 * arrival order and taken in the same order when their rows are written, so a waiting submission's
 * id costs its bytes (typically 7 to 24) instead of a {@code String} of 48 to 64 bytes. Positions
 * are running byte counts (wrapping {@code int}s); an id ends where the next begins.
 */
final class IdRing {
  private byte[] bytes = new byte[1 << 12];
  private int mask = bytes.length - 1;
  private int head;
  private int tail;
  private byte[] scratch = new byte[64];

  /** Appends {@code id}; returns the running position where it ends. */
  int add(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    while (tail - head + b.length > bytes.length) {
      grow();
    }
    int at = tail & mask;
    int first = Math.min(b.length, bytes.length - at);
    System.arraycopy(b, 0, bytes, at, first);
    System.arraycopy(b, first, bytes, 0, b.length - first);
    tail += b.length;
    return tail;
  }

  /**
   * Removes the oldest id, which ends at running position {@code end}, and writes it to {@code out}
   * as a text field straight from the ring's bytes (no String per id).
   */
  void takeInto(int end, CsvSink out) throws IOException {
    int length = end - head;
    int at = head & mask;
    if (at + length <= bytes.length) {
      out.textUtf8(bytes, at, length);
    } else {
      if (scratch.length < length) {
        scratch = new byte[Math.max(length, 2 * scratch.length)];
      }
      int first = bytes.length - at;
      System.arraycopy(bytes, at, scratch, 0, first);
      System.arraycopy(bytes, 0, scratch, first, length - first);
      out.textUtf8(scratch, 0, length);
    }
    head = end;
  }

  /** Bytes allocated. */
  long footprintBytes() {
    return bytes.length;
  }

  /** Doubles the ring; every byte keeps its running position. */
  private void grow() {
    byte[] bigger = new byte[bytes.length * 2];
    int newMask = bigger.length - 1;
    for (int p = head; p != tail; ) {
      int run =
          Math.min(tail - p, Math.min(bytes.length - (p & mask), bigger.length - (p & newMask)));
      System.arraycopy(bytes, p & mask, bigger, p & newMask, run);
      p += run;
    }
    bytes = bigger;
    mask = newMask;
  }
}
