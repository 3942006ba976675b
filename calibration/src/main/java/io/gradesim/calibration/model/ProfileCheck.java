package io.gradesim.calibration.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.gradesim.probes.jfr.Stage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the text of a profile value by value before it is bound, so that an error names the JSON
 * line of the bad value ({@code NAME:LINE: FIELD: reason}): syntax, then each row's stage (one of
 * {@link Stage}), concurrency (a whole number, at least 1), counts and statistics (finite, not
 * negative) and fit parameters (lognormal {@code sigma}, gamma {@code shape} and {@code scale}
 * positive; {@code mu} finite; a fixed value and empirical quantiles finite, not negative, the
 * quantiles in increasing order).
 */
final class ProfileCheck {
  private static final List<String> STATISTICS =
      List.of("p50_us", "p90_us", "p99_us", "mean_us", "stddev_us");

  private final String name;
  private final Map<String, Integer> lines = new HashMap<>();

  private ProfileCheck(String name) {
    this.name = name;
  }

  /** Checks {@code json}; throws an IllegalArgumentException naming name, line and field. */
  static void check(byte[] json, String name) throws IOException {
    ProfileCheck c = new ProfileCheck(name);
    JsonNode root;
    try {
      c.locate(json);
      root = ProfileJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw syntax(name, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          name + ":1: not a calibration profile: expected a JSON" + " object");
    }
    JsonNode rows = root.path("rows");
    for (int i = 0; i < rows.size(); i++) {
      c.row(rows.get(i), "/rows/" + i);
    }
  }

  /** A syntax or binding error of Jackson, with the line it stopped at. */
  static IllegalArgumentException syntax(String name, JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    return new IllegalArgumentException(
        name
            + (line > 0 ? ":" + line : "")
            + ": not a calibration profile: "
            + e.getOriginalMessage(),
        e);
  }

  /** Records the line of every value by its JSON pointer. */
  private void locate(byte[] json) throws IOException {
    try (JsonParser p = ProfileJson.MAPPER.getFactory().createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          String at =
              t.isStructStart()
                  ? p.getParsingContext().getParent().pathAsPointer().toString()
                  : p.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(at, p.currentTokenLocation().getLineNr());
        }
      }
    }
  }

  private void row(JsonNode row, String at) {
    if (!row.isObject()) {
      throw bad(at, "rows", "expected an object");
    }
    JsonNode stage = row.path("stage");
    if (!stage.isTextual() || Stage.of(stage.textValue()).isEmpty()) {
      throw bad(at + "/stage", "stage", "expected one of " + Stage.labels() + ", found " + stage);
    }
    JsonNode c = row.path("concurrency");
    if (!c.isIntegralNumber() || !c.canConvertToInt() || c.intValue() < 1) {
      throw bad(
          at + "/concurrency", "concurrency", "must be a whole number of at least 1, found " + c);
    }
    for (String key : List.of("n", "excluded_busy")) {
      JsonNode v = row.get(key);
      if (v != null && !v.isNull() && (!v.isIntegralNumber() || v.longValue() < 0)) {
        throw bad(at + "/" + key, key, "must be a whole number, not negative, found " + v);
      }
    }
    for (String key : STATISTICS) {
      notNegative(row.get(key), at + "/" + key, key);
    }
    JsonNode fit = row.get("fit");
    if (fit != null && !fit.isNull()) {
      fit(fit, at + "/fit");
    }
  }

  private void fit(JsonNode fit, String at) {
    JsonNode params = fit.path("params");
    String family = fit.path("family").asText("");
    switch (family) {
      case "lognormal" -> {
        finite(params.get("mu"), at + "/params/mu", "fit.params.mu");
        positive(params.get("sigma"), at + "/params/sigma", "fit.params.sigma");
      }
      case "gamma" -> {
        positive(params.get("shape"), at + "/params/shape", "fit.params.shape");
        positive(params.get("scale"), at + "/params/scale", "fit.params.scale");
      }
      case "fixed" ->
          notNegative(params.get("value_us"), at + "/params/value_us", "fit.params.value_us");
      case "empirical" -> quantiles(fit.path("quantiles_us"), at + "/quantiles_us");
      default ->
          throw bad(
              at + "/family",
              "fit.family",
              "expected lognormal, gamma, empirical" + " or fixed, found " + fit.path("family"));
    }
  }

  private void quantiles(JsonNode q, String at) {
    double prev = 0;
    for (int i = 0; i < q.size(); i++) {
      JsonNode v = q.get(i);
      notNegative(v, at + "/" + i, "fit.quantiles_us");
      if (v.doubleValue() < prev) {
        throw bad(
            at + "/" + i,
            "fit.quantiles_us",
            "quantile "
                + i
                + " ("
                + v.doubleValue()
                + ") is below the one before it ("
                + prev
                + ")");
      }
      prev = v.doubleValue();
    }
  }

  private void finite(JsonNode v, String at, String field) {
    if (v != null && !v.isNull() && !(v.isNumber() && Double.isFinite(v.doubleValue()))) {
      throw bad(at, field, "must be a finite number, found " + v);
    }
  }

  private void positive(JsonNode v, String at, String field) {
    finite(v, at, field);
    if (v != null && !v.isNull() && !(v.doubleValue() > 0)) {
      throw bad(at, field, "must be positive, found " + v);
    }
  }

  private void notNegative(JsonNode v, String at, String field) {
    finite(v, at, field);
    if (v != null && !v.isNull() && v.doubleValue() < 0) {
      throw bad(at, field, "must not be negative, found " + v);
    }
  }

  private IllegalArgumentException bad(String pointer, String field, String reason) {
    Integer line = null;
    for (String p = pointer; line == null && !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
      line = lines.get(p);
    }
    return new IllegalArgumentException(
        name + (line == null ? "" : ":" + line) + ": " + field + ": " + reason);
  }
}
