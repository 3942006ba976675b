package io.gradesim.simulator.model;

import java.util.Arrays;
import java.util.List;

/**
 * The frontend's rule of at most one pending submission per user per task ({@code add_job} in
 * {@code inginious/frontend/submission_manager.py}: a submission stays "waiting" until its result
 * is stored), for the {@code reject} and {@code defer} policies. The submitter is the first of the
 * submission's users; a submission without users is always admitted. Users and tasks are coded once
 * ({@link SubmitterKeys}); per user and task three ints are kept (the job in flight, the first and
 * last deferred job), deferred jobs are linked through a per-job array.
 */
public final class FrontendAdmission {

  /** The decision on one submission. */
  public enum Decision {
    ADMIT,
    REJECT,
    DEFER
  }

  private final AdmissionPolicy policy;
  private final SubmitterKeys codes = new SubmitterKeys();
  private final LongIndex index = new LongIndex();
  private int[] inFlight = new int[64];
  private int[] head = new int[64];
  private int[] tail = new int[64];
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
    if (policy == AdmissionPolicy.OFF || users.isEmpty()) {
      return Decision.ADMIT;
    }
    int k = key(SubmitterKeys.key(codes.user(users.get(0)), codes.task(course, task)));
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

  private int key(long key) {
    int known = index.size();
    int k = index.indexOf(key);
    if (index.size() > known) {
      if (k >= inFlight.length) {
        int n = inFlight.length * 2;
        inFlight = Arrays.copyOf(inFlight, n);
        head = Arrays.copyOf(head, n);
        tail = Arrays.copyOf(tail, n);
      }
      inFlight[k] = -1;
      head[k] = -1;
      tail[k] = -1;
    }
    return k;
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
