package io.gradesim.simulator.engine;

import java.util.Arrays;

/**
 * The submissions in flight, as parallel primitive arrays indexed by a recycled job id: memory
 * follows the number of jobs in the system, never the length of the trace.
 */
final class JobTable {
  static final byte DEFERRED = 1;
  static final byte TO_BACKEND = 2;
  static final byte QUEUED = 3;
  static final byte TO_AGENT = 4;
  static final byte CREATING = 5;
  static final byte STARTING = 6;
  static final byte EXECING = 7;
  static final byte GRADING = 8;
  static final byte REMOVING = 9;
  static final byte DONE_SENT = 10;
  static final byte TO_FRONTEND = 11;

  int[] n = new int[64];
  int[] topic = new int[64];
  int[] priority = new int[64];
  int[] slot = new int[64];
  int[] incarnation = new int[64];
  int[] token = new int[64];
  int[] hardToken = new int[64];
  byte[] stage = new byte[64];
  boolean[] mcq = new boolean[64];
  long[] demand = new long[64];
  long[] cpuLimit = new long[64];
  long[] hardLimit = new long[64];
  long[] memoryMb = new long[64];
  String[] result = new String[64];

  private int[] free = new int[64];
  private int freeCount;
  private int allocated;
  private int live;

  /** Takes a job id, growing the arrays when every id is in use. */
  int allocate() {
    live++;
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (allocated == n.length) {
      grow(allocated * 2);
    }
    return allocated++;
  }

  /** Returns job id {@code job} for reuse. */
  void release(int job) {
    live--;
    result[job] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = job;
  }

  /** The number of jobs in flight. */
  int live() {
    return live;
  }

  /** The largest number of job ids ever in use at once. */
  int capacityUsed() {
    return allocated;
  }

  private void grow(int size) {
    n = Arrays.copyOf(n, size);
    topic = Arrays.copyOf(topic, size);
    priority = Arrays.copyOf(priority, size);
    slot = Arrays.copyOf(slot, size);
    incarnation = Arrays.copyOf(incarnation, size);
    token = Arrays.copyOf(token, size);
    hardToken = Arrays.copyOf(hardToken, size);
    stage = Arrays.copyOf(stage, size);
    mcq = Arrays.copyOf(mcq, size);
    demand = Arrays.copyOf(demand, size);
    cpuLimit = Arrays.copyOf(cpuLimit, size);
    hardLimit = Arrays.copyOf(hardLimit, size);
    memoryMb = Arrays.copyOf(memoryMb, size);
    result = Arrays.copyOf(result, size);
  }
}
