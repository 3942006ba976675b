package io.gradesim.app.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.simulator.output.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The live run's figures that {@link Scoring} holds the prediction against, from the run just made
 * or read back from an earlier run's {@code summary.json}.
 */
record LiveFigures(
    double waitP50S,
    double waitP95S,
    double waitP99S,
    double feedbackP50S,
    double feedbackP95S,
    double feedbackP99S,
    double utilisation,
    int peakQueue,
    String traceHash) {

  /** The figures of a live run's summary. */
  static LiveFigures of(RunSummary s) {
    return new LiveFigures(
        s.waitP50S(),
        s.waitP95S(),
        s.waitP99S(),
        s.feedbackP50S(),
        s.feedbackP95S(),
        s.feedbackP99S(),
        s.utilisation(),
        s.peakQueue(),
        s.provenance().traceHash());
  }

  /** Reads a live run's {@code summary.json}, naming the file and key of what is missing. */
  static LiveFigures read(Path summaryJson) throws IOException {
    JsonNode j = new ObjectMapper().readTree(Files.readAllBytes(summaryJson));
    if (j == null || !"live".equals(j.path("mode").asText())) {
      throw new IllegalArgumentException(
          summaryJson + ": mode: not a live run's summary (\"mode\": \"live\" is missing)");
    }
    return new LiveFigures(
        number(j, "wait_p50_s", summaryJson),
        number(j, "wait_p95_s", summaryJson),
        number(j, "wait_p99_s", summaryJson),
        number(j, "feedback_p50_s", summaryJson),
        number(j, "feedback_p95_s", summaryJson),
        number(j, "feedback_p99_s", summaryJson),
        number(j, "utilisation", summaryJson),
        (int) number(j, "peak_queue", summaryJson),
        j.path("trace_hash").asText(""));
  }

  private static double number(JsonNode j, String key, Path file) {
    JsonNode v = j.get(key);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(file + ": " + key + ": missing or not a number");
    }
    return v.asDouble();
  }
}
