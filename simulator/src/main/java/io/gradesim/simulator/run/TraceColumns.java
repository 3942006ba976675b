package io.gradesim.simulator.run;

import io.gradesim.simulator.engine.SubmissionSource;
import io.gradesim.traces.Submission;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed trace held in memory, so that every run of a sweep replays it without parsing the file
 * again: the rows themselves, immutable and shared read-only by all the runs (one trace broadcast
 * to every scenario, as Caffeine's simulator feeds one trace to all its policies), so a run
 * allocates nothing per row to read them. Repeated text (course, task, users, environment, result)
 * is interned in a dictionary, so every row of a user shares one list and its strings' cached hash
 * codes. About 160 bytes a row for a typical trace ({@link #bytes()} counts them).
 */
public final class TraceColumns {
  /** Object header plus a compressed reference per field, rounded up: one Submission. */
  private static final long ROW_BYTES = 72;

  /** A boxed Long or Double, or an Instant's share beyond its header. */
  private static final long BOX_BYTES = 16;

  private static final long INSTANT_BYTES = 24;

  private final Map<Object, Object> dictionary = new HashMap<>();
  private Submission[] rows = new Submission[1 << 12];
  private int count;
  private long bytes;

  /** Appends {@code s}; rows must come in the trace's order. */
  public void add(Submission s) {
    if (count == rows.length) {
      rows = Arrays.copyOf(rows, rows.length * 2);
    }
    Submission shared =
        new Submission(
            s.id(),
            s.submittedAt(),
            intern(s.course()),
            intern(s.task()),
            intern(s.users()),
            intern(s.environment()),
            s.priority(),
            s.gradingMs(),
            s.completedAt(),
            s.result() == null ? null : intern(s.result()),
            s.cpuLimitS(),
            s.hardLimitS(),
            s.memoryMb());
    rows[count++] = shared;
    bytes += ROW_BYTES + stringBytes(s.id()) + INSTANT_BYTES;
    bytes += s.completedAt() == null ? 0 : INSTANT_BYTES;
    for (Object box : new Object[] {s.gradingMs(), s.cpuLimitS(), s.hardLimitS(), s.memoryMb()}) {
      bytes += box == null ? 0 : BOX_BYTES;
    }
  }

  /** Rows held. */
  public int rows() {
    return count;
  }

  /** Bytes the rows take on the heap, roughly (the array, the rows and the dictionary). */
  public long bytes() {
    return 4L * rows.length + bytes + 64L * dictionary.size();
  }

  /** A new cursor over the rows from the first; each call is independent of the others. */
  public SubmissionSource source() {
    Submission[] all = rows;
    int n = count;
    return new SubmissionSource() {
      private int row;

      @Override
      public Submission next() {
        return row < n ? all[row++] : null;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private <T> T intern(T value) {
    Object known = dictionary.putIfAbsent(value, value);
    if (known == null) {
      if (value instanceof List<?> users) {
        users.forEach(this::intern);
        // List.copyOf: a list the Submission constructor keeps as it is instead of copying it.
        List<Object> shared = List.copyOf(users.stream().map(dictionary::get).toList());
        dictionary.put(value, shared);
        bytes += 16L + 4L * users.size();
        return (T) shared;
      }
      bytes += value instanceof String t ? stringBytes(t) : 0;
      return value;
    }
    return (T) known;
  }

  /** A Latin-1 string: its object and its byte array, each rounded up to 8 bytes. */
  private static long stringBytes(String s) {
    return 24 + ((16L + s.length() + 7) & ~7L);
  }
}
