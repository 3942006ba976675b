package io.gradesim.app.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradesim.files.AtomicWrite;
import io.gradesim.live.OtherLoad;
import io.gradesim.report.CdfOverlay;
import io.gradesim.simulator.output.RunOutputWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a validation's {@code validation.json} (status, provenance, the other load of the live
 * run, per metric the measured and predicted values, intervals and relative error) and {@code
 * validation.html} (the table and the CDF overlays of waits and feedback times, live against the
 * replication of median feedback p95).
 */
final class ValidationFiles {
  /** The JSON file. */
  static final String JSON = "validation.json";

  /** The HTML page. */
  static final String HTML = "validation.html";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ValidationFiles() {}

  /** What a validation knows about its inputs and its live run. */
  record Facts(
      String trace,
      String scenario,
      String runtime,
      String calibration,
      int replications,
      long submissions,
      OtherLoad otherLoad,
      double maxOtherLoad,
      double backgroundCores) {

    boolean disturbed() {
      return otherLoad.mean() > maxOtherLoad;
    }
  }

  /**
   * The other load an earlier validation measured during its live run, from its {@code
   * validation.json}, naming the file and key of what is missing.
   */
  static OtherLoad otherLoad(Path validationJson) throws IOException {
    if (!java.nio.file.Files.isRegularFile(validationJson)) {
      throw new IllegalArgumentException(
          validationJson + ": --rescore: no validation.json here: not a validate output directory");
    }
    com.fasterxml.jackson.databind.JsonNode load =
        MAPPER.readTree(java.nio.file.Files.readAllBytes(validationJson)).path("other_load");
    for (String key : List.of("mean", "peak", "samples")) {
      if (!load.path(key).isNumber()) {
        throw new IllegalArgumentException(
            validationJson + ": other_load." + key + ": missing or not a number");
      }
    }
    return new OtherLoad(
        load.get("mean").asDouble(), load.get("peak").asDouble(), load.get("samples").asInt());
  }

  /** Writes both files into {@code out}; {@code metrics} is empty for a disturbed run. */
  static void write(Path out, Facts f, List<MetricScore> metrics, Path liveDir, Path predictedDir)
      throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("status", f.disturbed() ? "disturbed" : "scored");
    root.put("trace", f.trace());
    root.put("scenario", f.scenario());
    root.put("runtime", f.runtime());
    root.put("calibration", f.calibration());
    root.put("replications", f.replications());
    root.put("submissions", f.submissions());
    ObjectNode load = root.putObject("other_load");
    load.put("mean", f.otherLoad().mean());
    load.put("peak", f.otherLoad().peak());
    load.put("samples", f.otherLoad().samples());
    load.put("max_mean", f.maxOtherLoad());
    root.put("background_cores_per_agent", f.backgroundCores());
    ObjectNode boot = root.putObject("live_interval");
    boot.put("method", "moving-block bootstrap over submissions in arrival order");
    boot.put("block_length", BlockBootstrap.blockLength((int) f.submissions()));
    boot.put("resamples", BlockBootstrap.RESAMPLES);
    root.put("predicted_interval", "2.5 % to 97.5 % quantiles over replications (seeds 1..N)");
    ArrayNode rows = root.putArray("metrics");
    for (MetricScore m : metrics) {
      ObjectNode r = rows.addObject();
      r.put("metric", m.name());
      number(r, "measured", m.measured());
      number(r, "measured_low", m.measuredLow());
      number(r, "measured_high", m.measuredHigh());
      number(r, "predicted", m.predicted());
      number(r, "predicted_low", m.predictedLow());
      number(r, "predicted_high", m.predictedHigh());
      number(r, "relative_error", m.relativeError());
    }
    AtomicWrite.writeString(
        out.resolve(JSON), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    AtomicWrite.writeString(out.resolve(HTML), html(f, metrics, liveDir, predictedDir));
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }

  private static String html(Facts f, List<MetricScore> metrics, Path live, Path predicted)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>gradesim validation</title><style>")
        .append("body{font-family:sans-serif;margin:2em}td,th{padding:2px 10px;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}</style></head><body>\n")
        .append("<h1>Prediction against a live pool</h1>\n<p>")
        .append(esc(f.runtime()))
        .append(", scenario ")
        .append(esc(f.scenario()))
        .append(", trace ")
        .append(esc(f.trace()))
        .append(", ")
        .append(f.submissions())
        .append(" submissions, ")
        .append(f.replications())
        .append(" replications. Other load during the live run: mean ")
        .append(fmt(f.otherLoad().mean()))
        .append(", peak ")
        .append(fmt(f.otherLoad().peak()))
        .append(" of the machine (at most ")
        .append(fmt(f.maxOtherLoad()))
        .append(" allowed).</p>\n");
    if (f.disturbed()) {
      b.append("<p><strong>Not scored: the live run was disturbed by other load.</strong></p>\n");
      return b.append("</body></html>\n").toString();
    }
    b.append("<table><tr><th>metric</th><th>measured</th><th>95 % interval</th>")
        .append("<th>predicted</th><th>replications 2.5-97.5 %</th><th>error</th></tr>\n");
    for (MetricScore m : metrics) {
      b.append("<tr><td>")
          .append(m.name())
          .append("</td><td>")
          .append(fmt(m.measured()))
          .append("</td><td>")
          .append(fmt(m.measuredLow()))
          .append(" - ")
          .append(fmt(m.measuredHigh()))
          .append("</td><td>")
          .append(fmt(m.predicted()))
          .append("</td><td>")
          .append(fmt(m.predictedLow()))
          .append(" - ")
          .append(fmt(m.predictedHigh()))
          .append("</td><td>")
          .append(Double.isNaN(m.relativeError()) ? "-" : pct(m.relativeError()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
    for (String[] what :
        new String[][] {
          {RunOutputWriter.WAIT_LOG, "Wait: cumulative distribution", "wait (s)", "cdf-wait"},
          {
            RunOutputWriter.FEEDBACK_LOG,
            "Feedback: cumulative distribution",
            "feedback (s)",
            "cdf-feedback"
          }
        }) {
      Map<String, double[]> series = new LinkedHashMap<>();
      series.put("live", CdfOverlay.quantiles(live.resolve(what[0])));
      series.put("predicted", CdfOverlay.quantiles(predicted.resolve(what[0])));
      b.append("<figure>").append(CdfOverlay.svg(what[1], what[2], series, what[3]));
      b.append("</figure>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  /** {@code v} to 3 decimals, "-" when it does not apply (NaN). */
  static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** The relative error {@code v} in percent, "-" when it does not apply (nothing measured). */
  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f %%", v * 100);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
