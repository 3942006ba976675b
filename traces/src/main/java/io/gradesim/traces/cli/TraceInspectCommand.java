package io.gradesim.traces.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.stats.GradingTimeEstimate;
import io.gradesim.traces.stats.RecordedOverhead;
import io.gradesim.traces.stats.TaskEstimate;
import io.gradesim.traces.stats.TraceStatistics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trace inspect}: prints a canonical trace's statistics, as text or JSON. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a canonical trace's statistics.",
      "Counts, time span, arrivals per minute",
      "(mean, p95, peak minute), counts per task, environment and result, grading-time",
      "percentiles when the trace has grading_ms, and the per-task grading-time estimate",
      "from quiet sojourns when it has completed_at (INGInious exports).",
      "With --recorded-runtime, the recorded platform's container overhead (the runtime's",
      "stage medians in --calibration, else the bundled literature profile) is taken out",
      "of the estimate."
    })
public final class TraceInspectCommand implements Callable<Integer> {
  private static final double[] PERCENTILES = {50, 90, 95, 99};

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "A canonical trace CSV.")
  Path trace;

  @Option(names = "--json", description = "Print JSON (keys in a fixed order).")
  boolean json;

  @Option(
      names = "--recorded-runtime",
      paramLabel = "R",
      description =
          "The runtime of the platform that recorded the trace (a runtime of the calibration"
              + " profile, e.g. docker-runc): its per-job stage costs (median create + start +"
              + " exec + remove) are subtracted from the grading-time estimate.")
  String recordedRuntime;

  @Option(
      names = "--calibration",
      paramLabel = "P",
      description =
          "The calibration profile --recorded-runtime's stage costs come from (default: the"
              + " bundled literature profile).")
  Path calibration;

  private final RecordedOverhead.Source overheads;

  /** The command without calibration: {@code --recorded-runtime} is refused. */
  public TraceInspectCommand() {
    this(null);
  }

  /** The command resolving {@code --recorded-runtime} through {@code overheads}. */
  public TraceInspectCommand(RecordedOverhead.Source overheads) {
    this.overheads = overheads;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(trace)) {
      throw new NoSuchFileException(trace + ": no such trace file");
    }
    RecordedOverhead overhead = overhead();
    List<TraceFormatException> firstRejects = new ArrayList<>();
    TraceStatistics stats =
        TraceStatistics.of(
            trace,
            e -> {
              if (firstRejects.size() < 3) {
                firstRejects.add(e);
              }
            });
    GradingTimeEstimate estimate =
        stats.withCompletion() > 0 && stats.rejected() == 0
            ? GradingTimeEstimate.fromTrace(trace, overhead)
            : null;
    ObjectNode root = report(stats, estimate, firstRejects);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    } else {
      new InspectText(out).print(root);
    }
    return 0;
  }

  private RecordedOverhead overhead() throws IOException {
    if (recordedRuntime == null) {
      if (calibration != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--calibration is only used with --recorded-runtime");
      }
      return RecordedOverhead.NONE;
    }
    if (overheads == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--recorded-runtime needs calibration profiles: run it as gradesim trace inspect");
    }
    return overheads.of(recordedRuntime, calibration);
  }

  static ObjectNode report(
      TraceStatistics s, GradingTimeEstimate estimate, List<TraceFormatException> rejects) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("submissions", s.submissions());
    root.put("rejected", s.rejected());
    rejects.forEach(e -> root.withArray("rejected_examples").add(e.getMessage()));
    root.put("first", s.first() == null ? null : s.first().toString());
    root.put("last", s.last() == null ? null : s.last().toString());
    root.put(
        "span_s",
        s.first() == null ? 0 : (s.last().toEpochMilli() - s.first().toEpochMilli()) / 1000.0);
    ObjectNode perMinute = root.putObject("arrivals_per_minute");
    perMinute.put("minutes", s.perMinute().length);
    perMinute.put("mean", round(s.meanPerMinute()));
    perMinute.put("p95", s.p95PerMinute());
    int peak = s.peakMinute();
    perMinute.put("peak", peak < 0 ? 0 : s.perMinute()[peak]);
    perMinute.put("peak_minute", peak < 0 ? null : s.minuteStart(peak).toString());
    counts(root.putObject("tasks"), s.tasks());
    counts(root.putObject("environments"), s.environments());
    counts(root.putObject("results"), s.results());
    root.put("with_completed_at", s.withCompletion());
    Histogram g = s.grading();
    ObjectNode grading = root.putObject("grading_ms");
    grading.put("count", g.getTotalCount());
    if (g.getTotalCount() > 0) {
      for (double p : PERCENTILES) {
        grading.put("p" + (int) p, g.getValueAtPercentile(p));
      }
      grading.put("max", g.getMaxValue());
      grading.put("mean", round(g.getMean()));
    }
    if (estimate != null) {
      ObjectNode est = root.putObject("grading_time_estimate");
      est.put(
          "method",
          "quiet sojourns: completed_at - submitted_at of submissions with at most"
              + " quiet_threshold other container submissions in flight");
      est.put("truncation_correction_s", estimate.truncationCorrected() ? 0.5 : 0.0);
      est.put("min_samples", estimate.minSamples());
      est.put("target_samples", GradingTimeEstimate.TARGET_SAMPLES);
      RecordedOverhead o = estimate.overhead();
      if (o.any()) {
        ObjectNode ro = est.putObject("recorded_overhead");
        ro.put("runtime", o.runtime());
        ro.put("subtracted_s", seconds(o.overheadMs()));
        ro.put("floor_s", o.floorMs() / 1000.0);
        ro.put("detail", o.detail());
      }
      ObjectNode tasks = est.putObject("tasks");
      for (TaskEstimate t : estimate.tasks()) {
        ObjectNode n = tasks.putObject(t.course() + "/" + t.task());
        n.put("environment", t.environment());
        n.put("completed", t.completed());
        n.put("samples", t.samples());
        n.put("quiet_threshold", t.quietThreshold());
        n.put("few_samples", t.fewSamples());
        n.put("p10_s", seconds(t.p10Ms()));
        n.put("p25_s", seconds(t.p25Ms()));
        n.put("median_s", seconds(t.medianMs()));
        n.put("p75_s", seconds(t.p75Ms()));
        n.put("p90_s", seconds(t.p90Ms()));
        n.put("mean_s", seconds(t.meanMs()));
        if (o.any()) {
          n.put("clamped", t.clamped());
        }
      }
    }
    return root;
  }

  private static void counts(ObjectNode node, Map<String, Long> counts) {
    counts.forEach(node::put);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double seconds(double ms) {
    return Math.round(ms) / 1000.0;
  }

  /** Renders the report as aligned text. */
  private record InspectText(PrintWriter out) {
    void print(ObjectNode r) {
      line(
          "submissions",
          r.get("submissions").asText()
              + (r.get("rejected").asLong() > 0
                  ? " (" + r.get("rejected").asText() + " rows rejected)"
                  : ""));
      if (r.has("rejected_examples")) {
        r.get("rejected_examples").forEach(e -> out.println("  " + e.asText()));
      }
      line(
          "span",
          r.get("first").asText()
              + " .. "
              + r.get("last").asText()
              + " ("
              + String.format(Locale.ROOT, "%.1f min", r.get("span_s").asDouble() / 60)
              + ")");
      var m = r.get("arrivals_per_minute");
      line(
          "arrivals/min",
          "mean "
              + m.get("mean").asText()
              + ", p95 "
              + m.get("p95").asText()
              + ", peak "
              + m.get("peak").asText()
              + " at "
              + m.get("peak_minute").asText());
      for (String group : List.of("tasks", "environments", "results")) {
        out.println(group);
        r.get(group)
            .fields()
            .forEachRemaining(
                e -> out.printf(Locale.ROOT, "  %-32s %8d%n", e.getKey(), e.getValue().asLong()));
      }
      line("completed_at", r.get("with_completed_at").asText() + " rows");
      var g = r.get("grading_ms");
      if (g.get("count").asLong() == 0) {
        line("grading_ms", "none");
      } else {
        line(
            "grading_ms",
            "n "
                + g.get("count").asText()
                + ", p50 "
                + g.get("p50").asText()
                + ", p90 "
                + g.get("p90").asText()
                + ", p95 "
                + g.get("p95").asText()
                + ", p99 "
                + g.get("p99").asText()
                + ", max "
                + g.get("max").asText());
      }
      if (r.has("grading_time_estimate")) {
        var e = r.get("grading_time_estimate");
        out.println(
            "grading-time estimate from quiet sojourns (truncation correction +"
                + e.get("truncation_correction_s").asText()
                + " s; threshold = most other jobs"
                + " in flight)");
        if (e.has("recorded_overhead")) {
          var o = e.get("recorded_overhead");
          out.println(
              "  recorded overhead subtracted: "
                  + o.get("subtracted_s").asText()
                  + " s per job ("
                  + o.get("runtime").asText()
                  + ": "
                  + o.get("detail").asText()
                  + "), clamped at "
                  + o.get("floor_s").asText()
                  + " s");
        }
        out.printf(
            Locale.ROOT,
            "  %-28s %6s %6s %5s %7s %7s %7s %7s%n",
            "task",
            "done",
            "n",
            "thr",
            "p25 s",
            "p50 s",
            "p75 s",
            "p90 s");
        e.get("tasks")
            .fields()
            .forEachRemaining(
                t -> {
                  var v = t.getValue();
                  out.printf(
                      Locale.ROOT,
                      "  %-28s %6d %6d %5d %7.2f %7.2f %7.2f %7.2f%s%s%n",
                      t.getKey(),
                      v.get("completed").asLong(),
                      v.get("samples").asLong(),
                      v.get("quiet_threshold").asInt(),
                      v.get("p25_s").asDouble(),
                      v.get("median_s").asDouble(),
                      v.get("p75_s").asDouble(),
                      v.get("p90_s").asDouble(),
                      v.get("few_samples").asBoolean() ? "  (few samples)" : "",
                      v.path("clamped").asLong() > 0
                          ? "  (" + v.get("clamped").asText() + " clamped at the floor)"
                          : "");
                });
      }
    }

    private void line(String key, String value) {
      out.printf(Locale.ROOT, "%-14s %s%n", key, value);
    }
  }
}
