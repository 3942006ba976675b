package io.gradesim.simulator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gradesim.simulator.model.AdmissionPolicy;

/**
 * The scenario keys the outputs read, taken from {@code RunStarted.scenarioJson} (the resolved
 * scenario, nested objects as HOCON renders them; a flat dotted key is accepted too).
 *
 * @param bucketMicros width of a {@code timeseries.csv} bucket ({@code output.bucket-s}, default 60
 *     s)
 * @param coreHourPrice price of one core-hour ({@code cost.core-hour}, default 0)
 * @param agentHourPrice price of one agent-hour ({@code cost.agent-hour}, default 0)
 * @param gradingSources where each task's grading time came from ({@code grading-sources}), or an
 *     empty object
 * @param pool the scenario's {@code runtime}, {@code agents} and {@code slots}, each null when
 *     absent
 * @param closedLoop whether the scenario's {@code admission} is {@code closed-loop} (then the
 *     summary counts retried and never-sent submissions)
 */
public record OutputSettings(
    long bucketMicros,
    double coreHourPrice,
    double agentHourPrice,
    JsonNode gradingSources,
    RunSummary.Pool pool,
    boolean closedLoop) {

  /** Default bucket width in seconds. */
  public static final double DEFAULT_BUCKET_S = 60;

  /**
   * The most rows {@code timeseries.csv} may get for the trace's arrivals (about 200 MB): a trace
   * spanning centuries must not fill the disk one empty bucket at a time.
   */
  public static final long MAX_BUCKETS = 2_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Why arrivals spanning {@code spanMicros} are too long for buckets of {@code bucketS} seconds,
   * with the smallest bucket that fits; null when they fit.
   */
  public static String bucketProblem(long spanMicros, long bucketS) {
    long buckets = spanMicros / (bucketS * 1_000_000L) + 1;
    if (buckets <= MAX_BUCKETS) {
      return null;
    }
    long fits = Math.floorDiv(spanMicros, (MAX_BUCKETS - 1) * 1_000_000L) + 1;
    return String.format(
        "the trace's arrivals span %,d s, %,d buckets of %d s; timeseries.csv"
            + " holds at most %,d: set a larger bucket (--set output.bucket-s=%d or more)",
        spanMicros / 1_000_000, buckets, bucketS, MAX_BUCKETS, fits);
  }

  /** Reads the settings; a bad value throws IllegalArgumentException naming scenario and key. */
  public static OutputSettings fromScenario(String scenarioName, String scenarioJson) {
    JsonNode root;
    try {
      root =
          scenarioJson == null || scenarioJson.isBlank()
              ? JsonNodeFactory.instance.objectNode()
              : JSON.readTree(scenarioJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "scenario "
              + scenarioName
              + ": resolved scenario is not JSON: "
              + e.getOriginalMessage());
    }
    double bucketS = number(root, scenarioName, "output", "bucket-s", DEFAULT_BUCKET_S);
    long bucket = Math.round(bucketS * 1e6);
    if (!(bucket > 0)) {
      throw new IllegalArgumentException(
          "scenario " + scenarioName + ": key output.bucket-s must be > 0, got " + bucketS);
    }
    double core = number(root, scenarioName, "cost", "core-hour", 0);
    double agent = number(root, scenarioName, "cost", "agent-hour", 0);
    JsonNode sources = root.get("grading-sources");
    return new OutputSettings(
        bucket,
        core,
        agent,
        sources == null ? JsonNodeFactory.instance.objectNode() : sources.deepCopy(),
        pool(root),
        root.path("admission").asText("").equals(AdmissionPolicy.CLOSED_LOOP.key()));
  }

  private static RunSummary.Pool pool(JsonNode root) {
    JsonNode runtime = root.get("runtime");
    return new RunSummary.Pool(
        runtime != null && runtime.isTextual() ? runtime.textValue() : null,
        count(root.get("agents")),
        count(root.get("slots")));
  }

  private static Integer count(JsonNode v) {
    return v != null && v.canConvertToInt() && v.isIntegralNumber() ? v.intValue() : null;
  }

  private static double number(
      JsonNode root, String scenarioName, String section, String key, double fallback) {
    JsonNode parent = root.get(section);
    JsonNode v = parent != null && parent.isObject() ? parent.get(key) : null;
    if (v == null) {
      v = root.get(section + "." + key);
    }
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.textValue().trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException(
        "scenario "
            + scenarioName
            + ": key "
            + section
            + "."
            + key
            + " must be a number, got "
            + v);
  }
}
