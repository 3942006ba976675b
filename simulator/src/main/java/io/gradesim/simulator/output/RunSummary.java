package io.gradesim.simulator.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The figures of one run, as written to {@code summary.json}: model results and provenance only, no
 * wall-clock figure, so the same events give a byte-identical file. Keys and units are declared in
 * {@link SummaryKey}; a NaN figure (no sample) is written as {@code null}, an optional key whose
 * figure is null (a closed-loop count of another policy's run) is left out.
 *
 * @param retried refused submissions sent again (closed-loop admission), else null
 * @param neverSent submissions the exam's close kept from being sent (closed-loop), else null
 * @param results count per result, sorted by result
 * @param gradingSources the scenario's {@code grading-sources}, or an empty object
 * @param pool the pool the scenario starts with
 */
public record RunSummary(
    long submissions,
    long events,
    long delivered,
    long rejected,
    long deferred,
    Long retried,
    Long neverSent,
    long dispatched,
    double waitMeanS,
    double waitP50S,
    double waitP95S,
    double waitP99S,
    double waitMaxS,
    double pWaitPositive,
    double queueWaitMeanS,
    double feedbackMeanS,
    double feedbackP50S,
    double feedbackP95S,
    double feedbackP99S,
    double feedbackMaxS,
    double queueMean,
    int peakQueue,
    double utilisation,
    double durationS,
    double coreHours,
    double agentHours,
    double cost,
    Map<String, Long> results,
    JsonNode gradingSources,
    Provenance provenance,
    Pool pool) {

  /** Decimals of every non-integral figure. */
  public static final int DECIMALS = 6;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where a run came from, copied from its {@code RunStarted} event.
   *
   * @param epoch the instant virtual time 0 stands for, ISO-8601 UTC
   */
  public record Provenance(
      String version,
      String traceFile,
      String traceHash,
      String scenario,
      String scenarioHash,
      String calibrationFile,
      String calibrationHash,
      long seed,
      String epoch) {}

  /**
   * The pool a run starts with, copied from the resolved scenario of its {@code RunStarted} event;
   * a figure the scenario does not give is null.
   */
  public record Pool(String runtime, Integer agents, Integer slotsPerAgent) {}

  /** The {@code summary.json} text: keys in {@link SummaryKey} order, indented, final LF. */
  public String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      g.writeStartObject();
      for (SummaryKey key : SummaryKey.values()) {
        Object v = key.valueOf(this);
        if (v == null && key.optional()) {
          continue;
        }
        g.writeFieldName(key.key());
        write(g, v);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Double) {
      double d = (Double) v;
      if (Double.isFinite(d)) {
        g.writeNumber(BigDecimal.valueOf(d).setScale(DECIMALS, RoundingMode.HALF_EVEN));
      } else {
        g.writeNull();
      }
    } else if (v instanceof Long || v instanceof Integer) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof JsonNode) {
      g.writeTree((JsonNode) v);
    } else {
      g.writeString(v.toString());
    }
  }
}
