package io.gradesim.traces.scale;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How many times each session appears in the scaled trace: every session {@code floor(K)} times,
 * and a seeded subset of sessions once more, sized so the total is {@code round(K * sessions)} for
 * a load factor K, or so the students reach the target for a student count. Copy 0 is the recorded
 * session itself, so {@code K < 1} keeps a seeded subset of whole sessions.
 */
final class SessionCopies {
  private SessionCopies() {}

  /** The copies per session, drawing the subset from {@code random}. */
  static int[] of(List<Sessions.Session> sessions, ScaleTarget target, SplittableRandom random) {
    int n = sessions.size();
    int[] order = permutation(n, random);
    int[] copies = new int[n];
    if (target instanceof ScaleTarget.Load load) {
      byLoad(order, load.factor(), copies, i -> true);
      return copies;
    }
    int wanted = ((ScaleTarget.Students) target).count();
    long users = 0;
    boolean anonymous = false;
    for (Sessions.Session s : sessions) {
      users += s.users().size();
      anonymous |= s.users().isEmpty();
    }
    if (users == 0) {
      throw new IllegalArgumentException(
          "--students: the trace names no users (empty users column); use --load instead");
    }
    int base = (int) (wanted / users);
    long rest = wanted - base * users;
    for (int i : order) {
      int size = sessions.get(i).users().size();
      copies[i] = base;
      if (size > 0 && rest > 0) {
        copies[i]++;
        rest -= size;
      }
    }
    if (anonymous) {
      // Submissions without users grow with the students, as a load factor would.
      byLoad(order, (double) wanted / users, copies, i -> sessions.get(i).users().isEmpty());
    }
    return copies;
  }

  private static void byLoad(
      int[] order, double factor, int[] copies, java.util.function.IntPredicate which) {
    int members = 0;
    for (int i : order) {
      if (which.test(i)) {
        members++;
      }
    }
    int base = (int) Math.floor(factor);
    long extra = Math.round((factor - base) * members);
    for (int i : order) {
      if (which.test(i)) {
        copies[i] = base + (extra-- > 0 ? 1 : 0);
      }
    }
  }

  /** A seeded Fisher-Yates permutation of {@code 0..n-1}. */
  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
