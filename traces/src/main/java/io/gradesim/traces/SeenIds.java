package io.gradesim.traces;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The submission ids a reader has seen, to reject a second row with the same id. It keeps a 64-bit
 * hash and the line of each id in two primitive arrays, half full at most (32 to 64 bytes a row,
 * whatever the length of the ids). A hash that was seen before is checked exactly by asking the
 * caller for the id on the earlier line (a re-read, which with 64-bit hashes happens for a true
 * duplicate or, about once in 10^7 traces of a million rows, for a collision); ids whose hash
 * collided are then kept as strings.
 */
public final class SeenIds {
  private static final long EMPTY = 0;

  private final ToLongFunction<String> hash;
  private final LongFunction<String> idAt;
  private final Map<String, Long> collided = new HashMap<>();
  private long[] hashes = new long[1 << 12];
  private long[] lines = new long[1 << 12];
  private int size;

  /** Ids checked against the earlier line's id read back by {@code idAt} (line to id). */
  public SeenIds(LongFunction<String> idAt) {
    this(SeenIds::hash64, idAt);
  }

  /** With another hash function: tests force collisions with it. */
  SeenIds(ToLongFunction<String> hash, LongFunction<String> idAt) {
    this.hash = hash;
    this.idAt = idAt;
  }

  /**
   * Records {@code id} at {@code line} (1-based); returns 0 when it is new, else the line where it
   * was seen first (the id is then not recorded again).
   */
  public long firstLine(String id, long line) {
    long h = hash.applyAsLong(id);
    if (h == EMPTY) {
      h = 1; // 0 marks a free slot
    }
    int mask = hashes.length - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (hashes[i] != EMPTY) {
      if (hashes[i] == h) {
        return confirm(id, line, lines[i]);
      }
      i = (i + 1) & mask;
    }
    hashes[i] = h;
    lines[i] = line;
    if (++size * 2 > hashes.length) {
      grow();
    }
    return 0;
  }

  private long confirm(String id, long line, long earlier) {
    Long other = collided.get(id);
    if (other != null) {
      return other;
    }
    if (id.equals(idAt.apply(earlier))) {
      return earlier;
    }
    collided.put(id, line);
    return 0;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new long[oldHashes.length * 2];
    int mask = hashes.length - 1;
    for (int k = 0; k < oldHashes.length; k++) {
      long h = oldHashes[k];
      if (h != EMPTY) {
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        hashes[i] = h;
        lines[i] = oldLines[k];
      }
    }
  }

  /** FNV-1a over the UTF-16 units, then MurmurHash3's 64-bit finaliser to spread the bits. */
  static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
