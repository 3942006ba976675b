package io.gradesim.simulator.model;

import java.util.Locale;

/**
 * What the frontend does with a submission while the same user still has one pending for the same
 * task. INGInious refuses it ({@code submission_manager.py}: "A submission is already pending for
 * this task!"), so a student submits again later: {@code REJECT} drops it, {@code DEFER} holds it
 * until the previous result is delivered (keyed on the first user only), {@code CLOSED_LOOP} is the
 * student's loop ({@link ClosedLoopAdmission}: every member of a group is blocked, the refused
 * submission is sent again after the feedback plus the student's think time, until the exam
 * closes), {@code OFF} lets it through (replays the trace as recorded).
 */
public enum AdmissionPolicy {
  OFF,
  REJECT,
  DEFER,
  CLOSED_LOOP;

  /** Parses {@code off | reject | defer | closed-loop}. */
  public static AdmissionPolicy parse(String s) {
    for (AdmissionPolicy p : values()) {
      if (p.key().equalsIgnoreCase(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "expected off, reject, defer or closed-loop, found '" + s + "'");
  }

  /** The policy as written in scenarios. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
