package io.gradesim.simulator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The submissions in flight, as parallel primitive arrays indexed by a recycled job id: memory
 * follows the number of jobs in the system, never the length of the trace. A job costs about 40
 * bytes: its limits are an index into {@link LimitClasses}, its result a byte index into a few
 * shared names, its priority a byte and its CPU demand an int (the rare value that does not fit
 * goes to a side map), and free ids are chained through {@code n}. The stage tokens that make a
 * superseded event stale live per slot, since only a job in a slot has events that can go stale; a
 * job keeps its slot from dispatch to release, so a token read through its slot is the one it was
 * given.
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

  /** Distinct result names held as codes; later ones go to a side map. */
  static final int NAMES = 255;

  private static final byte RARE = (byte) 255;
  private static final byte WIDE = Byte.MAX_VALUE;
  private static final int WIDE_DEMAND = Integer.MAX_VALUE;

  int[] n = new int[64];
  int[] topic = new int[64];
  int[] slot = new int[64];
  int[] incarnation = new int[64];
  byte[] stage = new byte[64];
  boolean[] mcq = new boolean[64];
  long[] queuedAt = new long[64];
  int[] limits = new int[64];
  private byte[] priority = new byte[64];
  private int[] demand = new int[64];
  private byte[] result = new byte[64];
  private int[] slotToken = new int[16];
  private int[] slotHardToken = new int[16];
  private int tokens;

  private final LimitClasses limitClasses = new LimitClasses();
  private final Map<String, Integer> resultCodes = new HashMap<>();
  private final List<String> resultNames = new ArrayList<>();
  private final Map<Integer, Integer> widePriority = new HashMap<>();
  private final Map<Integer, Long> wideDemand = new HashMap<>();
  private final Map<Integer, String> rareResult = new HashMap<>();
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
    if (result[job] == RARE) {
      rareResult.remove(job);
    }
    if (priority[job] == WIDE) {
      widePriority.remove(job);
    }
    if (demand[job] == WIDE_DEMAND) {
      wideDemand.remove(job);
    }
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

  /** Sets the job's result: a code for each of the first {@value #NAMES} distinct names. */
  void setResult(int job, String name) {
    Integer code = resultCodes.get(name);
    if (code == null && resultNames.size() < NAMES) {
      code = resultNames.size();
      resultCodes.put(name, code);
      resultNames.add(name);
    }
    if (result[job] == RARE) {
      rareResult.remove(job);
    }
    if (code != null) {
      result[job] = (byte) (int) code;
    } else {
      result[job] = RARE;
      rareResult.put(job, name);
    }
  }

  /** The job's result name. */
  String result(int job) {
    byte code = result[job];
    return code == RARE ? rareResult.get(job) : resultNames.get(code & 0xff);
  }

  /** Sets the job's priority (non-negative). */
  void setPriority(int job, int value) {
    if (priority[job] == WIDE) {
      widePriority.remove(job);
    }
    if (value >= 0 && value < WIDE) {
      priority[job] = (byte) value;
    } else {
      priority[job] = WIDE;
      widePriority.put(job, value);
    }
  }

  /** The job's priority. */
  int priority(int job) {
    byte p = priority[job];
    return p == WIDE ? widePriority.get(job) : p;
  }

  /** Sets the job's CPU demand in microseconds (non-negative). */
  void setDemand(int job, long micros) {
    if (demand[job] == WIDE_DEMAND) {
      wideDemand.remove(job);
    }
    if (micros >= 0 && micros < WIDE_DEMAND) {
      demand[job] = (int) micros;
    } else {
      demand[job] = WIDE_DEMAND;
      wideDemand.put(job, micros);
    }
  }

  /** The job's CPU demand in microseconds. */
  long demand(int job) {
    int d = demand[job];
    return d == WIDE_DEMAND ? wideDemand.get(job) : d;
  }

  /** The token of the job's current stage event (the job must hold a slot). */
  int token(int job) {
    return slotToken[slot[job]];
  }

  /** Sets the token of the job's current stage event (the job must hold a slot). */
  void setToken(int job, int token) {
    slotToken[slot[job]] = token;
  }

  /** Gives the job's current stage a new token (stale events of older ones drop) and returns it. */
  int freshToken(int job) {
    slotToken[slot[job]] = ++tokens;
    return tokens;
  }

  /** Gives the job's hard-limit event a new token and returns it. */
  int freshHardToken(int job) {
    slotHardToken[slot[job]] = ++tokens;
    return tokens;
  }

  /** The token of the job's hard-limit event, 0 for none (the job must hold a slot). */
  int hardToken(int job) {
    return slotHardToken[slot[job]];
  }

  /** Sets the token of the job's hard-limit event (the job must hold a slot). */
  void setHardToken(int job, int token) {
    slotHardToken[slot[job]] = token;
  }

  /** Puts the job in {@code s}, growing the per-slot tokens to reach it. */
  void placeInSlot(int job, int s) {
    if (s >= slotToken.length) {
      int size = Math.max(s + 1, slotToken.length * 2);
      slotToken = Arrays.copyOf(slotToken, size);
      slotHardToken = Arrays.copyOf(slotHardToken, size);
    }
    slot[job] = s;
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
    stage = Arrays.copyOf(stage, size);
    mcq = Arrays.copyOf(mcq, size);
    demand = Arrays.copyOf(demand, size);
    queuedAt = Arrays.copyOf(queuedAt, size);
    limits = Arrays.copyOf(limits, size);
    result = Arrays.copyOf(result, size);
  }
}
