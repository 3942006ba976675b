package io.gradesim.simulator.model;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to dense {@code int} indexes 0, 1, 2, ... in order
 * of first sight: the admission tables keep their per-key state in arrays under these indexes.
 */
final class LongIndex {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys = new long[64];
  private int[] values = new int[64];
  private int size;

  LongIndex() {
    Arrays.fill(keys, EMPTY);
  }

  /** The index of {@code key}, given the next free one at its first sight. */
  int indexOf(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = size;
    size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  /** Keys seen so far. */
  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
