package io.gradesim.simulator.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The columns of {@code submissions.csv}, in file order, each with its unit and meaning. */
public enum SubmissionColumn {
  ID("", "the submission's id in the trace"),
  ARRIVAL("instant", "reached the frontend (SubmissionArrived)"),
  QUEUED("instant", "entered its topic's queue at the backend (SubmissionQueued)"),
  DISPATCHED("instant", "left the queue for a slot (SubmissionDispatched)"),
  STARTED("instant", "grading container started (ContainerStarted)"),
  GRADED("instant", "grading ended (GradingFinished)"),
  REMOVED("instant", "container removed, slot free (ContainerRemoved)"),
  DELIVERED("instant", "result reached the student (ResultDelivered)"),
  AGENT("", "agent that graded it"),
  SLOT("", "slot on that agent"),
  RESULT("", "success, failed, crash, timeout, ..., rejected, or unfinished"),
  WAIT_S("s", "dispatched - arrival"),
  FEEDBACK_S("s", "delivered - arrival");

  private final String unit;
  private final String meaning;

  SubmissionColumn(String unit, String meaning) {
    this.unit = unit;
    this.meaning = meaning;
  }

  /** The column name as written in the header. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit: {@code instant} (ISO-8601 UTC, µs), {@code s} (seconds, 6 decimals) or none. */
  public String unit() {
    return unit;
  }

  /** What the column means. */
  public String meaning() {
    return meaning;
  }

  /** The header row. */
  public static List<String> header() {
    List<String> names = new ArrayList<>();
    for (SubmissionColumn c : values()) {
      names.add(c.column());
    }
    return names;
  }
}
