package io.gradesim.simulator.report;

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
 * @param agents agents at the start (or the autoscaler's maximum when that is all we know)
 * @param slotsPerAgent grading slots per agent
 * @param runtime container runtime the scenario's costs come from
 * @param submissions number of submissions replayed
 * @param rejected submissions refused by admission
 * @param provenance seed and input hashes in one line, for the page's footnote
 */
public record RunSummary(
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

  /** Reads {@code dir/summary.json}; the scenario name falls back to the directory's name. */
  public static RunSummary read(Path dir) throws IOException {
    Path file = dir.resolve("summary.json");
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": missing (is " + dir + " a finished run directory?)");
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
    String dirName = dir.toAbsolutePath().normalize().getFileName().toString();
    return new RunSummary(
        JsonFields.text(root, dirName, "scenario", "scenario_name", "provenance.scenario",
            "provenance.scenario_name"),
        JsonFields.number(root, "agents", "agents_initial", "pool.agents", "scenario.agents",
            "agents_max"),
        JsonFields.number(root, "slots_per_agent", "slots", "pool.slots_per_agent",
            "scenario.slots_per_agent"),
        JsonFields.text(root, "-", "runtime", "pool.runtime", "scenario.runtime",
            "provenance.runtime"),
        JsonFields.number(root, "cost"),
        JsonFields.number(root, "feedback_p50_s"),
        JsonFields.number(root, "feedback_p95_s"),
        JsonFields.number(root, "feedback_p99_s"),
        JsonFields.number(root, "wait_p95_s"),
        JsonFields.number(root, "peak_queue"),
        JsonFields.number(root, "utilisation"),
        JsonFields.number(root, "submissions"),
        JsonFields.number(root, "rejected", "submissions_rejected"),
        provenance(root));
  }

  /** This summary with absent feedback and wait percentiles taken from {@code d}. */
  RunSummary fillFrom(FeedbackDistribution d) {
    return new RunSummary(scenario, agents, slotsPerAgent, runtime, cost,
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
      String v = JsonFields.text(root, "", k[1], "provenance." + k[1], "gradesim_" + k[1]);
      if (!v.isEmpty()) {
        out.append(out.length() == 0 ? "" : ", ").append(k[0]).append(' ')
            .append(v.length() > 12 && k[1].endsWith("hash") ? v.substring(0, 12) : v);
      }
    }
    return out.toString();
  }
}
