package io.gradesim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Looks up the first present field among dotted paths of a JSON tree: for a run's {@code
 * scenario.json}, read only for runs whose summary does not name their pool.
 */
final class JsonFields {
  private JsonFields() {}

  /** The node at the first of {@code paths} present in {@code root}, or null. */
  static JsonNode first(JsonNode root, List<String> paths) {
    for (String path : paths) {
      JsonNode n = root;
      for (String part : path.split("\\.")) {
        n = n == null ? null : n.get(part);
      }
      if (n != null && !n.isNull() && !n.isMissingNode()) {
        return n;
      }
    }
    return null;
  }

  /** The number at the first present path, or NaN. */
  static double number(JsonNode root, String... paths) {
    JsonNode n = first(root, List.of(paths));
    if (n == null) {
      return Double.NaN;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      try {
        return Double.parseDouble(n.textValue().trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** The text at the first present path, or {@code fallback}. */
  static String text(JsonNode root, String fallback, String... paths) {
    JsonNode n = first(root, List.of(paths));
    return n == null || n.isContainerNode() ? fallback : n.asText();
  }
}
