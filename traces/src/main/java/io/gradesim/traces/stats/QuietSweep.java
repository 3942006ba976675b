package io.gradesim.traces.stats;

import io.gradesim.traces.Submission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A sweep over a trace's arrivals (in order) and completions (from a heap) that finds, for each
 * submission with a known completion, the most other container submissions in flight at any moment
 * of its sojourn. Only arrivals raise the count, so that maximum is reached at its own arrival or
 * just after a later one inside its sojourn; memory is proportional to the number in flight. MCQ
 * submissions run no container and are left out. A submission without completion (timeout,
 * crash...) is presumed in flight for its CPU limit (20 s when unknown), INGInious' default {@code
 * time}.
 */
final class QuietSweep {
  /** Levels counted separately; higher ones are counted in the last. */
  static final int LEVELS = 64;

  private static final long PRESUMED_MS = 20_000;

  /** Receives what the sweep finds. */
  interface Sink {
    /** Every container submission, in arrival order. */
    void row(String key, Submission s);

    /** A submission with a known completion: its busiest level and its sojourn. */
    void window(String key, int maxOthers, int sojournMs);
  }

  private static final class Window {
    final String key;
    final long arrival;
    final long end;
    int max;

    Window(String key, long arrival, long end, int max) {
      this.key = key;
      this.arrival = arrival;
      this.end = end;
      this.max = max;
    }
  }

  private final Sink sink;
  private final Boolean truncated;
  private final PriorityQueue<Long> ends = new PriorityQueue<>();
  private final List<Window> open = new ArrayList<>();

  /**
   * A sweep reporting to {@code sink}; {@code truncated} says whether completions are whole seconds
   * to be corrected by 0.5 s (null: decide per row by a zero sub-second part).
   */
  QuietSweep(Sink sink, Boolean truncated) {
    this.sink = sink;
    this.truncated = truncated;
  }

  /** The key of a task: course and task id. */
  static String key(Submission s) {
    return s.course() + '\u0000' + s.task();
  }

  void arrive(Submission s) {
    if ("mcq".equals(s.environmentType())) {
      return;
    }
    String key = key(s);
    sink.row(key, s);
    long t = s.submittedAt().toEpochMilli();
    while (!ends.isEmpty() && ends.peek() <= t) {
      ends.poll();
    }
    int inFlight = ends.size();
    for (Iterator<Window> it = open.iterator(); it.hasNext(); ) {
      Window w = it.next();
      if (w.end <= t) {
        emit(w);
        it.remove();
      } else {
        w.max = Math.max(w.max, inFlight);
      }
    }
    long end;
    if (s.completedAt() != null) {
      boolean whole = truncated != null ? truncated : s.completedAt().getNano() == 0;
      long done = s.completedAt().toEpochMilli() + (whole ? 500 : 0);
      end = Math.max(t, done);
      open.add(new Window(key, t, end, inFlight));
    } else {
      end = t + (s.cpuLimitS() == null ? PRESUMED_MS : Math.round(s.cpuLimitS() * 1000));
    }
    ends.add(end);
  }

  void finish() {
    for (Window w : open) {
      emit(w);
    }
    open.clear();
    ends.clear();
  }

  private void emit(Window w) {
    sink.window(
        w.key, Math.min(w.max, LEVELS - 1), (int) Math.min(Integer.MAX_VALUE, w.end - w.arrival));
  }

  /** First pass: per task, how many windows at each level; whether completions are seconds. */
  static final class Census implements Sink {
    private final Map<String, long[]> levels = new HashMap<>();
    private final Map<String, Submission> first = new HashMap<>();
    private final Map<String, Long> completed = new HashMap<>();
    private boolean wholeSeconds = true;
    private boolean anyCompletion;

    @Override
    public void row(String key, Submission s) {
      first.putIfAbsent(key, s);
      if (s.completedAt() != null) {
        anyCompletion = true;
        wholeSeconds &= s.completedAt().getNano() == 0;
        completed.merge(key, 1L, Long::sum);
      }
    }

    @Override
    public void window(String key, int maxOthers, int sojournMs) {
      levels.computeIfAbsent(key, k -> new long[LEVELS])[maxOthers]++;
    }

    boolean allWholeSeconds() {
      return anyCompletion && wholeSeconds;
    }

    Map<String, long[]> levels() {
      return levels;
    }

    Submission task(String key) {
      return first.get(key);
    }

    long completed(String key) {
      return completed.getOrDefault(key, 0L);
    }
  }

  /** Second pass: the sojourns of the windows at or below each task's threshold. */
  static final class Collector implements Sink {
    private final Map<String, int[]> thresholds;
    private final int maxKept;
    private final Map<String, int[]> kept = new HashMap<>();
    private final Map<String, long[]> seen = new HashMap<>();

    Collector(Map<String, int[]> thresholds, int maxKept) {
      this.thresholds = thresholds;
      this.maxKept = maxKept;
    }

    @Override
    public void row(String key, Submission s) {}

    @Override
    public void window(String key, int maxOthers, int sojournMs) {
      int[] t = thresholds.get(key);
      if (t == null || maxOthers > t[0]) {
        return;
      }
      long stride = Math.max(1, (t[2] + maxKept - 1) / maxKept);
      long[] counters = seen.computeIfAbsent(key, k -> new long[2]);
      if (counters[0]++ % stride != 0) {
        return;
      }
      int[] buf = kept.computeIfAbsent(key, k -> new int[16]);
      int n = (int) counters[1];
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, n * 2);
        kept.put(key, buf);
      }
      buf[n] = Math.max(0, sojournMs);
      counters[1]++;
    }

    int[] samples(String key) {
      int[] buf = kept.get(key);
      long[] counters = seen.get(key);
      return buf == null ? new int[0] : Arrays.copyOf(buf, (int) counters[1]);
    }
  }
}
