package io.gradesim.traces.scale;

import io.gradesim.traces.Submission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The pure transform behind {@link TraceScaling}: recorded sessions kept, dropped or cloned (see
 * {@link SessionCopies}). A clone is the session moved by one seeded shift, uniform within the
 * jitter but never before the trace's first arrival or after its last, so its inter-submission gaps
 * are the recorded ones and the arrival density keeps its shape, deadline rush included. Grading
 * demand, results, limits and the recorded sojourn ({@code completed_at} moves with the arrival)
 * are kept. A clone's students and submission ids are the recorded ones with a suffix {@code SEP +
 * copy}, where {@code SEP} is a run of {@code ~} longer than any in the trace, so a derived name
 * can never be a recorded one.
 */
final class ScaledTrace {
  private ScaledTrace() {}

  /** The scaled rows, sorted by arrival (ties in recorded order, then copy). */
  static List<Submission> of(
      List<Submission> rows, ScaleTarget target, long seed, long jitterMillis) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Sessions.Session> sessions = Sessions.of(rows);
    SplittableRandom random = new SplittableRandom(seed);
    int[] copies = SessionCopies.of(sessions, target, random);
    long traceFirst = ScaleTime.micros(rows.get(0).submittedAt());
    long traceLast = ScaleTime.micros(rows.get(rows.size() - 1).submittedAt());
    String idSep = separator(rows, false);
    String userSep = separator(rows, true);
    List<Submission> out = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      Sessions.Session s = sessions.get(i);
      if (copies[i] > 0) {
        out.addAll(s.rows());
      }
      for (int c = 1; c < copies[i]; c++) {
        long lo = Math.max(-jitterMillis, -Math.floorDiv(s.first() - traceFirst, 1000));
        long hi = Math.min(jitterMillis, Math.floorDiv(traceLast - s.last(), 1000));
        long shiftMs = lo == hi ? lo : random.nextLong(lo, hi + 1);
        for (Submission r : s.rows()) {
          out.add(clone(r, c, shiftMs * 1000, idSep, userSep));
        }
      }
    }
    // A stable sort: equal arrivals stay in the order built (recorded first, then copies).
    out.sort(Comparator.comparing(Submission::submittedAt));
    return out;
  }

  private static Submission clone(
      Submission r, int copy, long shiftMicros, String idSep, String userSep) {
    List<String> users = new ArrayList<>(r.users().size());
    for (String u : r.users()) {
      users.add(u + userSep + copy);
    }
    return new Submission(
        r.id() + idSep + copy,
        ScaleTime.shift(r.submittedAt(), shiftMicros),
        r.course(),
        r.task(),
        users,
        r.environment(),
        r.priority(),
        r.gradingMs(),
        ScaleTime.shift(r.completedAt(), shiftMicros),
        r.result(),
        r.cpuLimitS(),
        r.hardLimitS(),
        r.memoryMb());
  }

  /** A run of {@code ~} longer than any in the recorded ids (or users). */
  private static String separator(List<Submission> rows, boolean users) {
    int longest = 0;
    Set<String> seen = new HashSet<>();
    for (Submission r : rows) {
      if (users) {
        for (String u : r.users()) {
          if (seen.add(u)) {
            longest = Math.max(longest, tildes(u));
          }
        }
      } else {
        longest = Math.max(longest, tildes(r.id()));
      }
    }
    return "~".repeat(longest + 1);
  }

  private static int tildes(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '~' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
