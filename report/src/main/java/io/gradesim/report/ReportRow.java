package io.gradesim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gradesim.simulator.output.SummaryKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one finished run that the report compares, read from its {@code summary.json} by
 * the keys the simulator declares ({@link SummaryKey}; seconds unless named otherwise). Absent
 * numbers are NaN and show as blank in the CSV and "-" in the table.
 *
 * @param scenario scenario name (summary provenance, else the run directory's name)
 * @param agents agents of the pool at the start
 * @param slotsPerAgent grading slots per agent
 * @param runtime container runtime the scenario's costs stand for
 * @param submissions number of submissions replayed
 * @param rejected submissions refused by admission
 * @param provenance seed and input hashes in one line, for the page's footnote
 * @param figures every number of the summary by key, for objectives on other figures
 */
public record ReportRow(
    String scenario,
    double agents,
    double slotsPerAgent,
    String runtime,
    double cost,
    double feedbackP50,
    double feedbackP95,
    double feedbackP99,
    double waitP95,
    double peakQueue,
    double utilisation,
    double submissions,
    double rejected,
    String provenance,
    Map<SummaryKey, Double> figures) {

  /** Copies the figures. */
  public ReportRow {
    figures = Map.copyOf(figures);
  }

  /** A row without further figures than its own. */
  public ReportRow(
      String scenario,
      double agents,
      double slotsPerAgent,
      String runtime,
      double cost,
      double feedbackP50,
      double feedbackP95,
      double feedbackP99,
      double waitP95,
      double peakQueue,
      double utilisation,
      double submissions,
      double rejected,
      String provenance) {
    this(
        scenario,
        agents,
        slotsPerAgent,
        runtime,
        cost,
        feedbackP50,
        feedbackP95,
        feedbackP99,
        waitP95,
        peakQueue,
        utilisation,
        submissions,
        rejected,
        provenance,
        Map.of());
  }

  /** The figure under {@code key}: this row's own field, else the summary's number, else NaN. */
  public double value(SummaryKey key) {
    return switch (key) {
      case AGENTS -> agents;
      case SLOTS_PER_AGENT -> slotsPerAgent;
      case COST -> cost;
      case FEEDBACK_P50_S -> feedbackP50;
      case FEEDBACK_P95_S -> feedbackP95;
      case FEEDBACK_P99_S -> feedbackP99;
      case WAIT_P95_S -> waitP95;
      case PEAK_QUEUE -> peakQueue;
      case UTILISATION -> utilisation;
      case SUBMISSIONS -> submissions;
      case REJECTED -> rejected;
      default -> figures.getOrDefault(key, Double.NaN);
    };
  }

  /**
   * Reads {@code dir/summary.json} by the keys of {@link SummaryKey}. A run written before the
   * summary named its pool has its shape and runtime taken from {@code dir/scenario.json} (the
   * resolved scenario) when present, else "-". The scenario name is the summary's {@code scenario}
   * without its extension, else the directory's name.
   */
  public static ReportRow read(Path dir) throws IOException {
    return of(dir, SummaryFile.read(dir.resolve("summary.json")));
  }

  static ReportRow of(Path dir, SummaryFile summary) throws IOException {
    Path scenarioFile = dir.resolve("scenario.json");
    JsonNode scenario =
        Files.isRegularFile(scenarioFile)
            ? SummaryFile.object(scenarioFile, false)
            : JsonNodeFactory.instance.objectNode();
    String dirName = dir.toAbsolutePath().normalize().getFileName().toString();
    String name = summary.text(SummaryKey.SCENARIO, "").replaceFirst("\\.(conf|hocon)$", "");
    return new ReportRow(
        name.isEmpty() ? JsonFields.text(scenario, dirName, "name") : name,
        or(summary.number(SummaryKey.AGENTS), JsonFields.number(scenario, "agents")),
        or(summary.number(SummaryKey.SLOTS_PER_AGENT), JsonFields.number(scenario, "slots")),
        summary.text(SummaryKey.RUNTIME, JsonFields.text(scenario, "-", "runtime")),
        summary.number(SummaryKey.COST),
        summary.number(SummaryKey.FEEDBACK_P50_S),
        summary.number(SummaryKey.FEEDBACK_P95_S),
        summary.number(SummaryKey.FEEDBACK_P99_S),
        summary.number(SummaryKey.WAIT_P95_S),
        summary.number(SummaryKey.PEAK_QUEUE),
        summary.number(SummaryKey.UTILISATION),
        summary.number(SummaryKey.SUBMISSIONS),
        summary.number(SummaryKey.REJECTED),
        provenance(summary),
        numbers(summary));
  }

  /** This summary with absent feedback and wait percentiles taken from {@code d}. */
  ReportRow fillFrom(FeedbackDistribution d) {
    return new ReportRow(
        scenario,
        agents,
        slotsPerAgent,
        runtime,
        cost,
        or(feedbackP50, d.feedbackAt(0.50)),
        or(feedbackP95, d.feedbackAt(0.95)),
        or(feedbackP99, d.feedbackAt(0.99)),
        or(waitP95, d.waitAt(0.95)),
        peakQueue,
        utilisation,
        or(submissions, d.delivered() + d.withoutFeedback()),
        rejected,
        provenance,
        figures);
  }

  private static Map<SummaryKey, Double> numbers(SummaryFile summary) {
    Map<SummaryKey, Double> out = new EnumMap<>(SummaryKey.class);
    for (SummaryKey k : SummaryKey.values()) {
      double v = summary.number(k);
      if (!Double.isNaN(v)) {
        out.put(k, v);
      }
    }
    return out;
  }

  private static double or(double v, double fallback) {
    return Double.isNaN(v) ? fallback : v;
  }

  private static String provenance(SummaryFile summary) {
    StringBuilder out = new StringBuilder();
    Map<String, SummaryKey> keys = new LinkedHashMap<>();
    keys.put("seed", SummaryKey.SEED);
    keys.put("trace", SummaryKey.TRACE_HASH);
    keys.put("scenario", SummaryKey.SCENARIO_HASH);
    keys.put("calibration", SummaryKey.CALIBRATION_HASH);
    keys.put("gradesim", SummaryKey.VERSION);
    for (Map.Entry<String, SummaryKey> k : keys.entrySet()) {
      String v = summary.text(k.getValue(), "");
      if (!v.isEmpty()) {
        boolean hash = k.getValue().unit().equals("sha256");
        out.append(out.length() == 0 ? "" : ", ")
            .append(k.getKey())
            .append(' ')
            .append(v.length() > 12 && hash ? v.substring(0, 12) : v);
      }
    }
    return out.toString();
  }
}
