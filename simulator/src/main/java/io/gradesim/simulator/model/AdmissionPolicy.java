package io.gradesim.simulator.model;

import java.util.Locale;

/**
 * What the frontend does with a submission while the same user still has one pending for the same
 * task. INGInious refuses it ({@code submission_manager.py}: "A submission is already pending for
 * this task!"), so a student submits again later: {@code REJECT} drops it, {@code DEFER} holds it
 * until the previous result is delivered, {@code OFF} lets it through (replays the trace as
 * recorded).
 */
public enum AdmissionPolicy {
  OFF,
  REJECT,
  DEFER;

  /** Parses {@code off | reject | defer}. */
  public static AdmissionPolicy parse(String s) {
    for (AdmissionPolicy p : values()) {
      if (p.name().equalsIgnoreCase(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("expected off, reject or defer, found '" + s + "'");
  }

  /** The policy as written in scenarios. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
