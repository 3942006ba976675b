package io.gradesim.simulator.model;

import java.util.List;

/**
 * The admission lanes of submissions: one per user and course/task pair, numbered densely from 0 in
 * order of first sight, so that both admission rules ({@link FrontendAdmission}, {@link
 * ClosedLoopAdmission}) keep their per-lane state in arrays indexed by the lane itself. A trace
 * held in memory codes its rows once for every run that replays it; a run fed from a stream codes
 * each arrival as it comes. Only which submissions share a lane matters to the rules, never the
 * numbers, so both ways give the same run.
 */
public final class SubmitterLanes {
  private static final int[] NONE = new int[0];

  private final SubmitterKeys codes = new SubmitterKeys();
  private final LongIndex index = new LongIndex();

  /**
   * The lanes of a submission by {@code users} for {@code course}/{@code task}: one per distinct
   * user, in the order of {@code users} (the first is the submitter's); empty without users.
   */
  public int[] lanes(List<String> users, String course, String task) {
    if (users.isEmpty()) {
      return NONE;
    }
    int t = codes.task(course, task);
    int[] us = codes.users(users);
    int[] lanes = new int[us.length];
    for (int i = 0; i < us.length; i++) {
      lanes[i] = index.indexOf(SubmitterKeys.key(us[i], t));
    }
    return lanes;
  }

  /** Lanes numbered so far. */
  public int count() {
    return index.size();
  }
}
