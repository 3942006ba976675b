package io.gradesim.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The figures of one finished run that the report compares, read from its {@code summary.json}
 * (keys of DESIGN.md "Simulation outputs"; seconds unless named otherwise). Absent numbers are
 * NaN and show as blank in the CSV and "-" in the table.
 *
 * @param scenario scenario name (summary provenance, else the run directory's name)
 * @param agents agents of the pool at the start
 * @param slotsPerAgent grading slots per agent
 * @param runtime container runtime the scenario's costs stand for
 * @param submissions number of submissions replayed
 * @param rejected submissions refused by admission
 * @param provenance seed and input hashes in one line, for the page's footnote
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
    String provenance) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads {@code dir/summary.json} (keys of {@code simulator/OUTPUTS.md}). The pool's shape and
   * runtime are not model results, so they come from {@code dir/scenario.json} (the resolved
   * scenario, as {@code RunStarted} carries it) when present, else from the summary, else "-".
   * The scenario name is the summary's {@code scenario} without its extension, else the
   * directory's name.
   */
  public static ReportRow read(Path dir) throws IOException {
    JsonNode root = object(dir.resolve("summary.json"), true);
    Path scenarioFile = dir.resolve("scenario.json");
    JsonNode scenario = Files.isRegularFile(scenarioFile) ? object(scenarioFile, false)
        : JSON.createObjectNode();
    String dirName = dir.toAbsolutePath().normalize().getFileName().toString();
    String name = JsonFields.text(root, "", "scenario").replaceFirst("\\.(conf|hocon)$", "");
    return new ReportRow(
        name.isEmpty() ? JsonFields.text(scenario, dirName, "name") : name,
        or(JsonFields.number(scenario, "agents"), JsonFields.number(root, "agents")),
        or(JsonFields.number(scenario, "slots"), JsonFields.number(root, "slots_per_agent")),
        JsonFields.text(scenario, JsonFields.text(root, "-", "runtime"), "runtime"),
        JsonFields.number(root, "cost"),
        JsonFields.number(root, "feedback_p50_s"),
        JsonFields.number(root, "feedback_p95_s"),
        JsonFields.number(root, "feedback_p99_s"),
        JsonFields.number(root, "wait_p95_s"),
        JsonFields.number(root, "peak_queue"),
        JsonFields.number(root, "utilisation"),
        JsonFields.number(root, "submissions"),
        JsonFields.number(root, "rejected"),
        provenance(root));
  }

  private static JsonNode object(Path file, boolean run) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": missing" + (run ? " (is " + file.getParent()
          + " a finished run directory?)" : ""));
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new IOException(file + ": line " + e.getLocation().getLineNr() + ": not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": line 1: expected a JSON object");
    }
    return root;
  }

  /** This summary with absent feedback and wait percentiles taken from {@code d}. */
  ReportRow fillFrom(FeedbackDistribution d) {
    return new ReportRow(scenario, agents, slotsPerAgent, runtime, cost,
        or(feedbackP50, d.feedbackAt(0.50)), or(feedbackP95, d.feedbackAt(0.95)),
        or(feedbackP99, d.feedbackAt(0.99)), or(waitP95, d.waitAt(0.95)), peakQueue,
        utilisation, or(submissions, d.delivered() + d.withoutFeedback()), rejected, provenance);
  }

  private static double or(double v, double fallback) {
    return Double.isNaN(v) ? fallback : v;
  }

  private static String provenance(JsonNode root) {
    StringBuilder out = new StringBuilder();
    String[][] keys = {{"seed", "seed"}, {"trace", "trace_hash"}, {"scenario", "scenario_hash"},
        {"calibration", "calibration_hash"}, {"gradesim", "version"}};
    for (String[] k : keys) {
      String v = JsonFields.text(root, "", k[1]);
      if (!v.isEmpty()) {
        out.append(out.length() == 0 ? "" : ", ").append(k[0]).append(' ')
            .append(v.length() > 12 && k[1].endsWith("hash") ? v.substring(0, 12) : v);
      }
    }
    return out.toString();
  }
}
