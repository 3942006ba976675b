package io.gradesim.simulator.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct (cpu limit, hard limit, memory) triples of the jobs in flight, each stored once: a
 * job keeps the index of its triple, 4 bytes instead of 24. Traces repeat a few triples (one per
 * task, or the scenario's defaults); a triple is counted by its jobs and dropped with its last one,
 * so even a trace of all-different limits holds only those of the jobs in flight.
 */
final class LimitClasses {
  private record Key(long cpu, long hard, long memoryMb) {}

  private final Map<Key, Integer> index = new HashMap<>();
  private long[] cpu = new long[8];
  private long[] hard = new long[8];
  private long[] memoryMb = new long[8];
  private int[] jobs = new int[8];
  private Key[] keys = new Key[8];
  private int[] free = new int[8];
  private int freeCount;
  private int allocated;
  private int last = -1;

  /** The class of a job with these limits; the job counts until {@link #release}. */
  int acquire(long cpuLimit, long hardLimit, long memory) {
    int c = last;
    if (c < 0
        || cpu[c] != cpuLimit
        || hard[c] != hardLimit
        || memoryMb[c] != memory
        || keys[c] == null) {
      Key k = new Key(cpuLimit, hardLimit, memory);
      Integer known = index.get(k);
      c = known != null ? known : add(k);
      last = c;
    }
    jobs[c]++;
    return c;
  }

  /** A job of class {@code c} left. */
  void release(int c) {
    if (--jobs[c] == 0) {
      index.remove(keys[c]);
      keys[c] = null;
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, free.length * 2);
      }
      free[freeCount++] = c;
      if (last == c) {
        last = -1;
      }
    }
  }

  long cpu(int c) {
    return cpu[c];
  }

  long hard(int c) {
    return hard[c];
  }

  long memoryMb(int c) {
    return memoryMb[c];
  }

  private int add(Key k) {
    int c;
    if (freeCount > 0) {
      c = free[--freeCount];
    } else {
      if (allocated == cpu.length) {
        int size = allocated * 2;
        cpu = Arrays.copyOf(cpu, size);
        hard = Arrays.copyOf(hard, size);
        memoryMb = Arrays.copyOf(memoryMb, size);
        jobs = Arrays.copyOf(jobs, size);
        keys = Arrays.copyOf(keys, size);
      }
      c = allocated++;
    }
    cpu[c] = k.cpu();
    hard[c] = k.hard();
    memoryMb[c] = k.memoryMb();
    jobs[c] = 0;
    keys[c] = k;
    index.put(k, c);
    return c;
  }
}
