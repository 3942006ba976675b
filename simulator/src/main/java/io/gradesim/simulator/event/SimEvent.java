package io.gradesim.simulator.event;

/**
 * What happens in a simulated run, in virtual time: the run's record. Every output of a run ({@code
 * submissions.csv}, {@code timeseries.csv}, {@code summary.json}) is a fold over these events, so a
 * journal that holds them can rebuild the outputs without simulating again.
 *
 * <p>Times {@code t} are virtual microseconds since the run's epoch (the first arrival of the
 * trace, see {@link RunStarted#epochMicros()}). A submission is named in its first event by its
 * trace id and afterwards by {@code n}, its 0-based arrival ordinal. Events are persisted: never
 * change a record here, add a new one.
 */
public sealed interface SimEvent {

  /** Virtual time of the event in microseconds since the run's epoch. */
  long t();

  /**
   * A run began.
   *
   * @param runId the run's id
   * @param epochMicros the absolute instant (µs since 1970) that virtual time 0 stands for
   * @param traceFile the trace path as given; @param traceHash its SHA-256
   * @param scenarioName scenario file name; @param scenarioHash SHA-256 of the resolved scenario
   * @param scenarioJson the resolved scenario (after overrides) as JSON
   * @param calibrationFile the profile path or "" ; @param calibrationHash its SHA-256 or ""
   * @param seed the random seed; @param version gradesim's version
   */
  record RunStarted(
      long t,
      String runId,
      long epochMicros,
      String traceFile,
      String traceHash,
      String scenarioName,
      String scenarioHash,
      String scenarioJson,
      String calibrationFile,
      String calibrationHash,
      long seed,
      String version)
      implements SimEvent {}

  /** An agent joined the pool with {@code slots} grading slots. */
  record AgentUp(long t, int agent, int slots, int cores, long memoryMb) implements SimEvent {}

  /** An agent left the pool in order (scale-in): it took no new job and its jobs had ended. */
  record AgentDown(long t, int agent) implements SimEvent {}

  /** An agent was lost (failure): its running jobs end as crash and are not requeued. */
  record AgentLost(long t, int agent) implements SimEvent {}

  /** A submission reached the frontend. */
  record SubmissionArrived(long t, int n, String id, String task, String environment, int priority)
      implements SimEvent {}

  /** Admission refused a submission (the user already had one waiting for this task). */
  record SubmissionRejected(long t, int n, String reason) implements SimEvent {}

  /** Admission held a submission back until the user's previous one for this task ended. */
  record SubmissionDeferred(long t, int n) implements SimEvent {}

  /**
   * Closed-loop admission refused a submission (one of its users has one pending for this task):
   * the student keeps it and sends it again later ({@link SubmissionRetried}) or never ({@link
   * SubmissionNeverSent}).
   */
  record SubmissionRefused(long t, int n) implements SimEvent {}

  /** A refused submission was sent again: its pending predecessor's feedback and think time. */
  record SubmissionRetried(long t, int n) implements SimEvent {}

  /** The exam closed before the submission could be sent (again): it ends without a result. */
  record SubmissionNeverSent(long t, int n) implements SimEvent {}

  /** A submission entered its topic's queue at the backend. */
  record SubmissionQueued(long t, int n) implements SimEvent {}

  /** A submission left the queue for a free slot. */
  record SubmissionDispatched(long t, int n, int agent, int slot) implements SimEvent {}

  /** The grading container was created. */
  record ContainerCreated(long t, int n) implements SimEvent {}

  /** The grading container was started. */
  record ContainerStarted(long t, int n) implements SimEvent {}

  /** Grading ended with {@code result} (success, failed, crash, timeout, ...). */
  record GradingFinished(long t, int n, String result) implements SimEvent {}

  /** The container was removed; the slot is free again. */
  record ContainerRemoved(long t, int n) implements SimEvent {}

  /** The result reached the student. */
  record ResultDelivered(long t, int n) implements SimEvent {}

  /** The run ended; {@code summaryJson} is the run's {@code summary.json} content. */
  record RunFinished(long t, String summaryJson) implements SimEvent {}
}
