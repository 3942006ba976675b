package io.gradesim.simulator.output;

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

  /** Removes and returns the oldest id, which ends at running position {@code end}. */
  String take(int end) {
    int length = end - head;
    int at = head & mask;
    String id;
    if (at + length <= bytes.length) {
      id = new String(bytes, at, length, StandardCharsets.UTF_8);
    } else {
      byte[] b = new byte[length];
      int first = bytes.length - at;
      System.arraycopy(bytes, at, b, 0, first);
      System.arraycopy(bytes, 0, b, first, length - first);
      id = new String(b, StandardCharsets.UTF_8);
    }
    head = end;
    return id;
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
