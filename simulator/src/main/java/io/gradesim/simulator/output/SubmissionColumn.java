package io.gradesim.simulator.output;

import java.util.List;

/** The columns of {@code submissions.csv}, in file order, each with its unit and meaning. */
public enum SubmissionColumn implements CsvColumn {
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

  private final Doc doc;

  SubmissionColumn(String unit, String meaning) {
    this.doc = new Doc(unit, meaning);
  }

  @Override
  public Doc doc() {
    return doc;
  }

  /** The header row. */
  public static List<String> header() {
    return CsvColumn.header(values());
  }
}
