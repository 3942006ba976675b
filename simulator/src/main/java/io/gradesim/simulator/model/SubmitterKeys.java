package io.gradesim.simulator.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small integer codes for the users and the course/task pairs of a run, given once per distinct
 * value, so that admission keys on primitives instead of a string built per submission. Rows
 * replayed from memory share their strings, whose hash codes are cached, so a lookup allocates
 * nothing.
 */
final class SubmitterKeys {
  private final Map<String, Integer> users = new HashMap<>();
  private final Map<String, Map<String, Integer>> tasks = new HashMap<>();
  private int taskCount;

  /** The code of {@code user}. */
  int user(String user) {
    Integer c = users.get(user);
    if (c == null) {
      c = users.size();
      users.put(user, c);
    }
    return c;
  }

  /** The code of {@code task} of {@code course}. */
  int task(String course, String task) {
    Map<String, Integer> ofCourse = tasks.computeIfAbsent(course, k -> new HashMap<>());
    Integer c = ofCourse.get(task);
    if (c == null) {
      c = taskCount++;
      ofCourse.put(task, c);
    }
    return c;
  }

  /** The admission key of {@code user} (a code) on {@code task} (a code). */
  static long key(int user, int task) {
    return ((long) user << 32) | (task & 0xffffffffL);
  }

  /** The distinct user codes of {@code names}, in order (a group names each member once). */
  int[] users(List<String> names) {
    int[] out = new int[names.size()];
    int n = 0;
    for (String name : names) {
      int c = user(name);
      boolean seen = false;
      for (int i = 0; i < n && !seen; i++) {
        seen = out[i] == c;
      }
      if (!seen) {
        out[n++] = c;
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }
}
