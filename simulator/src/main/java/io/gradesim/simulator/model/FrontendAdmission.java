package io.gradesim.simulator.model;

import java.util.Arrays;
import java.util.List;

/**
 * The frontend's rule of at most one pending submission per user per task ({@code add_job} in
 * {@code inginious/frontend/submission_manager.py}: a submission stays "waiting" until its result
 * is stored), for the {@code reject} and {@code defer} policies. The submitter is the first of the
 * submission's users; a submission without users is always admitted. Per lane (user and task,
 * {@link SubmitterLanes}) three ints are kept (the job in flight, the first and last deferred job),
 * deferred jobs are linked through a per-job array.
 */
public final class FrontendAdmission {

  /** The decision on one submission. */
  public enum Decision {
    ADMIT,
    REJECT,
    DEFER
  }

  private final AdmissionPolicy policy;
  private final SubmitterLanes coder = new SubmitterLanes();
  private int[] inFlight = emptyLanes(64);
  private int[] head = emptyLanes(64);
  private int[] tail = emptyLanes(64);
  private int[] keyOf = new int[16];
  private int[] nextOf = new int[16];
  private long rejected;
  private long deferred;

  /** Admission following {@code policy}. */
  public FrontendAdmission(AdmissionPolicy policy) {
    this.policy = policy;
    Arrays.fill(keyOf, -1);
  }

  /** Decides on {@code job} submitted by {@code users} for {@code course}/{@code task}. */
  public Decision admit(int job, List<String> users, String course, String task) {
    if (policy == AdmissionPolicy.OFF) {
      return Decision.ADMIT;
    }
    return admit(job, coder.lanes(users, course, task));
  }

  /**
   * Decides on {@code job} whose {@link SubmitterLanes#lanes} are {@code submitterLanes} (the first
   * is its submitter's); a run gives either lanes or names, never both.
   */
  public Decision admit(int job, int[] submitterLanes) {
    if (policy == AdmissionPolicy.OFF || submitterLanes.length == 0) {
      return Decision.ADMIT;
    }
    int k = submitterLanes[0];
    ensureLane(k);
    if (inFlight[k] < 0) {
      inFlight[k] = job;
      remember(job, k);
      return Decision.ADMIT;
    }
    if (policy == AdmissionPolicy.REJECT) {
      rejected++;
      return Decision.REJECT;
    }
    deferred++;
    remember(job, k);
    nextOf[job] = -1;
    if (head[k] < 0) {
      head[k] = job;
    } else {
      nextOf[tail[k]] = job;
    }
    tail[k] = job;
    return Decision.DEFER;
  }

  /**
   * The result of {@code job} reached the student: returns the deferred job of the same user and
   * task that may now go to the backend, or -1.
   */
  public int delivered(int job) {
    if (job >= keyOf.length || keyOf[job] < 0) {
      return -1;
    }
    int k = keyOf[job];
    keyOf[job] = -1;
    if (inFlight[k] != job) {
      throw new IllegalStateException("job " + job + " delivered while not admitted");
    }
    int next = head[k];
    if (next < 0) {
      inFlight[k] = -1;
      return -1;
    }
    head[k] = nextOf[next];
    inFlight[k] = next;
    return next;
  }

  /** Submissions rejected so far. */
  public long rejected() {
    return rejected;
  }

  /** Submissions deferred so far. */
  public long deferred() {
    return deferred;
  }

  private void ensureLane(int k) {
    if (k >= inFlight.length) {
      int n = Math.max(k + 1, inFlight.length * 2);
      inFlight = grown(inFlight, n);
      head = grown(head, n);
      tail = grown(tail, n);
    }
  }

  /** {@code n} lanes, each without jobs. */
  private static int[] emptyLanes(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  private static int[] grown(int[] a, int n) {
    int old = a.length;
    int[] b = Arrays.copyOf(a, n);
    Arrays.fill(b, old, n, -1);
    return b;
  }

  private void remember(int job, int k) {
    if (job >= keyOf.length) {
      int n = Math.max(job + 1, keyOf.length * 2);
      int old = keyOf.length;
      keyOf = Arrays.copyOf(keyOf, n);
      nextOf = Arrays.copyOf(nextOf, n);
      Arrays.fill(keyOf, old, n, -1);
    }
    keyOf[job] = k;
  }
}
