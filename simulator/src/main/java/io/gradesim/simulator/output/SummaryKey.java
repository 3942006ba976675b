package io.gradesim.simulator.output;

import java.util.Locale;
import java.util.function.Function;

/**
 * The keys of {@code summary.json}, in file order, each declared once with its unit, meaning and
 * the {@link RunSummary} figure it shows. Seconds and ratios are written with exactly six decimals;
 * a figure with no sample (a mean of nothing) is {@code null}.
 */
public enum SummaryKey {
  VERSION("", "gradesim version that ran the model", s -> s.provenance().version()),
  TRACE_FILE("", "trace path as given", s -> s.provenance().traceFile()),
  TRACE_HASH("sha256", "SHA-256 of the trace file", s -> s.provenance().traceHash()),
  SCENARIO("", "scenario file name", s -> s.provenance().scenario()),
  SCENARIO_HASH("sha256", "SHA-256 of the resolved scenario", s -> s.provenance().scenarioHash()),
  CALIBRATION_FILE("", "calibration profile path, or empty", s -> s.provenance().calibrationFile()),
  CALIBRATION_HASH(
      "sha256", "SHA-256 of the profile, or empty", s -> s.provenance().calibrationHash()),
  SEED("", "random seed", s -> s.provenance().seed()),
  EPOCH("instant", "the instant virtual time 0 stands for", s -> s.provenance().epoch()),
  RUNTIME(
      "",
      "container runtime the scenario's costs stand for (scenario runtime)",
      s -> s.pool().runtime()),
  AGENTS("agents", "agents of the pool at the start (scenario agents)", s -> s.pool().agents()),
  SLOTS_PER_AGENT(
      "slots", "grading slots per agent (scenario slots)", s -> s.pool().slotsPerAgent()),
  SUBMISSIONS("submissions", "submissions that arrived", RunSummary::submissions),
  EVENTS("events", "events of the run (RunStarted included, RunFinished not)", RunSummary::events),
  DELIVERED("submissions", "results delivered to students", RunSummary::delivered),
  REJECTED(
      "submissions",
      "refused by admission (closed-loop: refused at arrival, then retried or never sent)",
      RunSummary::rejected),
  DEFERRED("submissions", "held back by admission, then admitted", RunSummary::deferred),
  RETRIED(
      "submissions",
      "refused ones sent again after the pending feedback and the think time (closed-loop only)",
      RunSummary::retried,
      true),
  NEVER_SENT(
      "submissions",
      "not sent (again) because the exam closed first (closed-loop only)",
      RunSummary::neverSent,
      true),
  DISPATCHED("submissions", "dispatched to a slot", RunSummary::dispatched),
  WAIT_MEAN_S(
      "s", "mean of dispatched - arrival over dispatched submissions", RunSummary::waitMeanS),
  WAIT_P50_S("s", "median wait (HdrHistogram, 3 significant digits)", RunSummary::waitP50S),
  WAIT_P95_S("s", "95th percentile of the wait", RunSummary::waitP95S),
  WAIT_P99_S("s", "99th percentile of the wait", RunSummary::waitP99S),
  WAIT_MAX_S("s", "longest wait (exact)", RunSummary::waitMaxS),
  P_WAIT_POSITIVE(
      "ratio",
      "share of dispatched submissions that waited in a backend queue " + "(dispatched > queued)",
      RunSummary::pWaitPositive),
  QUEUE_WAIT_MEAN_S(
      "s",
      "mean of dispatched - queued: the backend-queue part of the wait",
      RunSummary::queueWaitMeanS),
  FEEDBACK_MEAN_S(
      "s", "mean of delivered - arrival over delivered submissions", RunSummary::feedbackMeanS),
  FEEDBACK_P50_S("s", "median time to feedback", RunSummary::feedbackP50S),
  FEEDBACK_P95_S("s", "95th percentile of the time to feedback", RunSummary::feedbackP95S),
  FEEDBACK_P99_S("s", "99th percentile of the time to feedback", RunSummary::feedbackP99S),
  FEEDBACK_MAX_S("s", "longest time to feedback (exact)", RunSummary::feedbackMaxS),
  QUEUE_MEAN(
      "submissions", "time-averaged number waiting in backend queues", RunSummary::queueMean),
  PEAK_QUEUE(
      "submissions",
      "largest number waiting in backend queues for a positive time",
      RunSummary::peakQueue),
  UTILISATION("ratio", "busy slot-time / available slot-time", RunSummary::utilisation),
  DURATION_S("s", "virtual time from the run's first to its last event", RunSummary::durationS),
  CORE_HOURS("core-h", "cores of agents up, integrated over the run", RunSummary::coreHours),
  AGENT_HOURS(
      "agent-h", "agents up (AgentUp to AgentDown/AgentLost or run end)", RunSummary::agentHours),
  COST(
      "price unit",
      "core_hours x cost.core-hour + agent_hours x cost.agent-hour",
      RunSummary::cost),
  RESULTS(
      "submissions",
      "count per result (success, failed, crash, timeout, rejected, "
          + "unfinished, ...), sorted by result",
      RunSummary::results),
  GRADING_SOURCES("", "copied from the scenario's grading-sources", RunSummary::gradingSources);

  private final String unit;
  private final String meaning;
  private final Function<RunSummary, Object> value;
  private final boolean optional;

  SummaryKey(String unit, String meaning, Function<RunSummary, Object> value) {
    this(unit, meaning, value, false);
  }

  SummaryKey(String unit, String meaning, Function<RunSummary, Object> value, boolean optional) {
    this.unit = unit;
    this.meaning = meaning;
    this.value = value;
    this.optional = optional;
  }

  /** Whether the key is left out of a summary whose figure is null (a run without it). */
  public boolean optional() {
    return optional;
  }

  /** The JSON key. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit of the figure. */
  public String unit() {
    return unit;
  }

  /** What the figure means. */
  public String meaning() {
    return meaning;
  }

  /** The figure of {@code summary} under this key. */
  public Object valueOf(RunSummary summary) {
    return value.apply(summary);
  }
}
