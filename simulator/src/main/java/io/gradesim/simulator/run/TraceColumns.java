package io.gradesim.simulator.run;

import io.gradesim.simulator.engine.SubmissionSource;
import io.gradesim.simulator.model.SubmitterLanes;
import io.gradesim.traces.Submission;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed trace held in memory column by column, so that every run of a sweep replays it without
 * parsing the file again: ids as UTF-8 bytes, instants as epoch nanoseconds, repeated text (course,
 * task, users, environment, result) as codes into a shared dictionary, and the optional numbers in
 * columns allocated only once a row has a value. Each row's admission lanes ({@link
 * SubmitterLanes}) are coded here once for every run, as a code into a dictionary of lane arrays
 * (rows of the same users and task share one). About 55 bytes a row for a typical trace. Each
 * {@link #source()} rebuilds equal {@link Submission}s in file order, with their lanes.
 */
public final class TraceColumns {
  private static final long NONE = Long.MIN_VALUE;

  /** A NaN that parsing a number never yields: marks an absent decimal. */
  private static final long NO_DOUBLE = 0x7ff0000000000001L;

  private final List<Object> values = new ArrayList<>();
  private final Map<Object, Integer> codes = new HashMap<>();
  private byte[] ids = new byte[1 << 16];
  private int idBytes;
  private int[] idEnd = new int[1 << 12];
  private long[] submitted = new long[1 << 12];
  private int[] text = new int[5 << 12]; // course, task, users, environment, result per row
  private final SubmitterLanes lanes = new SubmitterLanes();
  private final List<int[]> laneSets = new ArrayList<>(List.of(new int[0])); // code 0: no user
  private int[] singleCode = new int[0]; // lane -> code of the set of that lane alone, or -1
  private int[] laneSet = new int[1 << 12];
  private int[] priority;
  private long[] grading;
  private long[] completed;
  private long[] cpu;
  private long[] hard;
  private long[] memory;
  private int rows;

  /** Appends {@code s}; rows must come in the trace's order. */
  public void add(Submission s) {
    if (rows == submitted.length) {
      grow();
    }
    byte[] id = s.id().getBytes(StandardCharsets.UTF_8);
    if (idBytes + id.length > ids.length) {
      ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idBytes + id.length));
    }
    System.arraycopy(id, 0, ids, idBytes, id.length);
    idBytes += id.length;
    idEnd[rows] = idBytes;
    submitted[rows] = nanos(s.submittedAt());
    int t = rows * 5;
    text[t] = code(s.course());
    text[t + 1] = code(s.task());
    text[t + 2] = code(s.users());
    text[t + 3] = code(s.environment());
    text[t + 4] = s.result() == null ? -1 : code(s.result());
    laneSet[rows] = laneSet(s);
    if (s.priority() != 0) {
      priority = column(priority);
      priority[rows] = s.priority();
    }
    grading = put(grading, s.gradingMs() == null ? NONE : s.gradingMs(), NONE);
    completed = put(completed, s.completedAt() == null ? NONE : nanos(s.completedAt()), NONE);
    cpu = put(cpu, bits(s.cpuLimitS()), NO_DOUBLE);
    hard = put(hard, bits(s.hardLimitS()), NO_DOUBLE);
    memory = put(memory, s.memoryMb() == null ? NONE : s.memoryMb(), NONE);
    rows++;
  }

  /** Rows held. */
  public int rows() {
    return rows;
  }

  /** Bytes the columns take on the heap, roughly (arrays and dictionary). */
  public long bytes() {
    long b =
        ids.length
            + 4L * idEnd.length
            + 8L * submitted.length
            + 4L * text.length
            + 4L * laneSet.length
            + 64L * values.size()
            + 4L * singleCode.length
            + 32L * laneSets.size()
            + 64L * lanes.count();
    for (long[] c : new long[][] {grading, completed, cpu, hard, memory}) {
      b += c == null ? 0 : 8L * c.length;
    }
    return b + (priority == null ? 0 : 4L * priority.length);
  }

  /** A new cursor over the rows from the first; each call is independent of the others. */
  public SubmissionSource source() {
    return new SubmissionSource() {
      private int row;

      @Override
      public Submission next() {
        return row < rows ? submission(row++) : null;
      }

      @Override
      public int[] lanes() {
        return laneSets.get(laneSet[row - 1]);
      }
    };
  }

  @SuppressWarnings("unchecked")
  private Submission submission(int i) {
    int start = i == 0 ? 0 : idEnd[i - 1];
    String id = new String(ids, start, idEnd[i] - start, StandardCharsets.UTF_8);
    int t = i * 5;
    return new Submission(
        id,
        instant(submitted[i]),
        (String) values.get(text[t]),
        (String) values.get(text[t + 1]),
        (List<String>) values.get(text[t + 2]),
        (String) values.get(text[t + 3]),
        priority == null ? 0 : priority[i],
        boxed(grading, i),
        completed == null || completed[i] == NONE ? null : instant(completed[i]),
        text[t + 4] < 0 ? null : (String) values.get(text[t + 4]),
        decimal(cpu, i),
        decimal(hard, i),
        boxed(memory, i));
  }

  /**
   * The code of the lanes of {@code s}: rows of one user share the set of that user's lane on the
   * task, rows without users the empty set; a group's row gets a set of its own (groups are rare).
   */
  private int laneSet(Submission s) {
    int[] l = lanes.lanes(s.users(), s.course(), s.task());
    if (l.length == 0) {
      return 0;
    }
    if (l.length > 1) {
      laneSets.add(l);
      return laneSets.size() - 1;
    }
    if (l[0] >= singleCode.length) {
      int old = singleCode.length;
      singleCode = Arrays.copyOf(singleCode, Math.max(l[0] + 1, old * 2));
      Arrays.fill(singleCode, old, singleCode.length, -1);
    }
    if (singleCode[l[0]] < 0) {
      singleCode[l[0]] = laneSets.size();
      laneSets.add(l);
    }
    return singleCode[l[0]];
  }

  private int code(Object value) {
    Integer c = codes.get(value);
    if (c == null) {
      c = values.size();
      values.add(value);
      codes.put(value, c);
    }
    return c;
  }

  private void grow() {
    int n = submitted.length * 2;
    idEnd = Arrays.copyOf(idEnd, n);
    submitted = Arrays.copyOf(submitted, n);
    text = Arrays.copyOf(text, n * 5);
    laneSet = Arrays.copyOf(laneSet, n);
    priority = priority == null ? null : Arrays.copyOf(priority, n);
    grading = grow(grading, n, NONE);
    completed = grow(completed, n, NONE);
    cpu = grow(cpu, n, NO_DOUBLE);
    hard = grow(hard, n, NO_DOUBLE);
    memory = grow(memory, n, NONE);
  }

  private static long[] grow(long[] c, int n, long absent) {
    if (c == null) {
      return null;
    }
    int old = c.length;
    long[] bigger = Arrays.copyOf(c, n);
    Arrays.fill(bigger, old, n, absent);
    return bigger;
  }

  private int[] column(int[] c) {
    return c != null ? c : new int[submitted.length];
  }

  /** Stores {@code v} in row {@code rows} of {@code c}, allocating it at the first value. */
  private long[] put(long[] c, long v, long absent) {
    if (c == null) {
      if (v == absent) {
        return null;
      }
      c = new long[submitted.length];
      Arrays.fill(c, absent);
    }
    c[rows] = v;
    return c;
  }

  private static long bits(Double d) {
    return d == null ? NO_DOUBLE : Double.doubleToRawLongBits(d);
  }

  private static Double decimal(long[] c, int i) {
    return c == null || c[i] == NO_DOUBLE ? null : Double.longBitsToDouble(c[i]);
  }

  private static Long boxed(long[] c, int i) {
    return c == null || c[i] == NONE ? null : c[i];
  }

  /** Epoch nanoseconds; the trace limits (1970 to 2200) keep them within a long. */
  private static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
