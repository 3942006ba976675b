package io.gradesim.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.simulator.output.SummaryKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A run's {@code summary.json} bound by the names the simulator declares ({@link SummaryKey}): the
 * report knows no key of its own. A key the file lacks (a run written before it existed) or holds
 * as {@code null} reads as NaN or the fallback.
 */
final class SummaryFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<SummaryKey, JsonNode> values;

  private SummaryFile(Map<SummaryKey, JsonNode> values) {
    this.values = values;
  }

  /** Reads {@code file}; an IOException names it and the line of a syntax error. */
  static SummaryFile read(Path file) throws IOException {
    JsonNode root = object(file, true);
    Map<SummaryKey, JsonNode> values = new EnumMap<>(SummaryKey.class);
    for (SummaryKey key : SummaryKey.values()) {
      JsonNode v = root.get(key.key());
      if (v != null && !v.isNull()) {
        values.put(key, v);
      }
    }
    return new SummaryFile(values);
  }

  /** The number under {@code key}, or NaN when absent or not a number. */
  double number(SummaryKey key) {
    JsonNode v = values.get(key);
    return v != null && v.isNumber() ? v.doubleValue() : Double.NaN;
  }

  /** The scalar under {@code key} as text, or {@code fallback} when absent. */
  String text(SummaryKey key, String fallback) {
    JsonNode v = values.get(key);
    return v == null || v.isContainerNode() ? fallback : v.asText();
  }

  /** The JSON object in {@code file}; {@code run} adds a hint that it is a run's file. */
  static JsonNode object(Path file, boolean run) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          file
              + ": missing"
              + (run ? " (is " + file.getParent() + " a finished run directory?)" : ""));
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new IOException(
          file
              + ": line "
              + e.getLocation().getLineNr()
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": line 1: expected a JSON object");
    }
    return root;
  }
}
