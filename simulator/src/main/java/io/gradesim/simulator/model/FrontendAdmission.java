package io.gradesim.simulator.model;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frontend's rule of at most one pending submission per user per task ({@code add_job} in
 * {@code inginious/frontend/submission_manager.py}: a submission stays "waiting" until its result
 * is stored). The submitter is the first of the submission's users; a submission without users is
 * always admitted. Memory holds only users with work in flight.
 */
public final class FrontendAdmission {

  /** The decision on one submission. */
  public enum Decision {
    ADMIT,
    REJECT,
    DEFER
  }

  private final AdmissionPolicy policy;
  private final Map<String, Pending> pending = new HashMap<>();
  private Pending[] ofJob = new Pending[16];
  private long rejected;
  private long deferred;

  /** Admission following {@code policy}. */
  public FrontendAdmission(AdmissionPolicy policy) {
    this.policy = policy;
  }

  /** Decides on {@code job} submitted by {@code users} for {@code course}/{@code task}. */
  public Decision admit(int job, List<String> users, String course, String task) {
    if (policy == AdmissionPolicy.OFF || users.isEmpty()) {
      return Decision.ADMIT;
    }
    String key = users.get(0) + '\u0000' + course + '\u0000' + task;
    Pending p = pending.get(key);
    if (p == null) {
      p = new Pending(key);
      pending.put(key, p);
    }
    if (p.inFlight < 0) {
      p.inFlight = job;
      remember(job, p);
      return Decision.ADMIT;
    }
    if (policy == AdmissionPolicy.REJECT) {
      rejected++;
      return Decision.REJECT;
    }
    deferred++;
    p.deferred.add(job);
    remember(job, p);
    return Decision.DEFER;
  }

  /**
   * The result of {@code job} reached the student: returns the deferred job of the same user and
   * task that may now go to the backend, or -1.
   */
  public int delivered(int job) {
    if (job >= ofJob.length || ofJob[job] == null) {
      return -1;
    }
    Pending p = ofJob[job];
    ofJob[job] = null;
    if (p.inFlight != job) {
      throw new IllegalStateException("job " + job + " delivered while not admitted");
    }
    Integer next = p.deferred.poll();
    if (next == null) {
      p.inFlight = -1;
      pending.remove(p.key);
      return -1;
    }
    p.inFlight = next;
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

  private void remember(int job, Pending p) {
    if (job >= ofJob.length) {
      ofJob = Arrays.copyOf(ofJob, Math.max(job + 1, ofJob.length * 2));
    }
    ofJob[job] = p;
  }

  private static final class Pending {
    final String key;
    final ArrayDeque<Integer> deferred = new ArrayDeque<>(2);
    int inFlight = -1;

    Pending(String key) {
      this.key = key;
    }
  }
}
