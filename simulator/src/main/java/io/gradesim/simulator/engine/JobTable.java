package io.gradesim.simulator.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The submissions in flight, as parallel primitive arrays indexed by a recycled job id: memory
 * follows the number of jobs in the system, never the length of the trace. A job costs about
 * 54 bytes: its limits are an index into {@link LimitClasses}, its result one of a few shared
 * strings, and free ids are chained through {@code n}.
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
  long[] queuedAt = new long[64];
  int[] limits = new int[64];
  String[] result = new String[64];

  private final LimitClasses limitClasses = new LimitClasses();
  private final Map<String, String> resultNames = new HashMap<>();
  private int freeHead = -1;
  private int allocated;
  private int live;

  /** Takes a job id, growing the arrays when every id is in use. */
  int allocate() {
    live++;
    int job;
    if (freeHead >= 0) {
      job = freeHead;
      freeHead = n[job];
    } else {
      if (allocated == n.length) {
        grow(allocated + (allocated >> 1));
      }
      job = allocated++;
    }
    limits[job] = -1;
    return job;
  }

  /** Returns job id {@code job} for reuse. */
  void release(int job) {
    live--;
    result[job] = null;
    if (limits[job] >= 0) {
      limitClasses.release(limits[job]);
      limits[job] = -1;
    }
    n[job] = freeHead;
    freeHead = job;
  }

  /** Sets the job's limits (Long.MAX_VALUE: none) and memory in MB. */
  void setLimits(int job, long cpuLimit, long hardLimit, long memoryMb) {
    if (limits[job] >= 0) {
      limitClasses.release(limits[job]);
    }
    limits[job] = limitClasses.acquire(cpuLimit, hardLimit, memoryMb);
  }

  /** The job's CPU-time limit in microseconds. */
  long cpuLimit(int job) {
    return limitClasses.cpu(limits[job]);
  }

  /** The job's wall-time limit in microseconds. */
  long hardLimit(int job) {
    return limitClasses.hard(limits[job]);
  }

  /** The job's memory in MB. */
  long memoryMb(int job) {
    return limitClasses.memoryMb(limits[job]);
  }

  /** Sets the job's result, sharing one string per distinct name (the first few hundred). */
  void setResult(int job, String name) {
    String shared = resultNames.get(name);
    if (shared == null && resultNames.size() < 256) {
      resultNames.put(name, name);
      shared = name;
    }
    result[job] = shared != null ? shared : name;
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
    queuedAt = Arrays.copyOf(queuedAt, size);
    limits = Arrays.copyOf(limits, size);
    result = Arrays.copyOf(result, size);
  }
}
