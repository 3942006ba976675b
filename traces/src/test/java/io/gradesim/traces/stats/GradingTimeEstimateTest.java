package io.gradesim.traces.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.gradesim.traces.Submission;
import io.gradesim.traces.canonical.CanonicalTraceWriter;
import io.gradesim.traces.format.ImportOptions;
import io.gradesim.traces.format.TraceFormat;
import io.gradesim.traces.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingTimeEstimateTest {
  @TempDir Path tmp;

  /**
   * A known system: Poisson arrivals into one FCFS server at load about 0.35; service times
   * log-normal with per-task medians; completions truncated to whole seconds as ObjectIds are.
   */
  @Test
  void recoversPerTaskMediansOfALightlyLoadedSingleServer() throws Exception {
    Map<String, Double> medianS = Map.of("a", 1.5, "b", 4.0, "c", 9.0);
    List<String> names = List.of("a", "b", "c");
    SplittableRandom rng = new SplittableRandom(7);
    Instant t0 = Instant.parse("2024-01-15T08:00:00Z");
    List<Submission> rows = new ArrayList<>();
    double arrival = 0;
    double serverFree = 0;
    for (int i = 0; i < 3000; i++) {
      arrival += -20.0 * Math.log(1 - rng.nextDouble()); // mean gap 20 s, mean service ~ 5.5 s
      String task = names.get(rng.nextInt(3));
      double service = medianS.get(task) * Math.exp(0.4 * rng.nextGaussian());
      double done = Math.max(arrival, serverFree) + service;
      serverFree = done;
      Instant at = t0.plusNanos(Math.round(arrival * 1e9)).truncatedTo(ChronoUnit.MILLIS);
      Instant completed = t0.plusNanos(Math.round(done * 1e9)).truncatedTo(ChronoUnit.SECONDS);
      rows.add(
          new Submission(
              "s" + i, at, "c", task, List.of(), null, 0, null, completed, "success", null, null,
              null));
    }
    Path trace = tmp.resolve("t.csv");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (Submission s : rows) {
        w.write(s);
      }
      w.commit();
    }

    GradingTimeEstimate e = GradingTimeEstimate.fromTrace(trace);

    assertThat(e.truncationCorrected()).isTrue();
    assertThat(e.tasks()).hasSize(3);
    for (String task : names) {
      TaskEstimate t = e.forTask("c", task).orElseThrow();
      double truth = medianS.get(task) * 1000;
      assertThat(t.quietThreshold()).isZero();
      assertThat(t.samples()).isGreaterThanOrEqualTo(GradingTimeEstimate.MIN_SAMPLES);
      assertThat(t.medianMs())
          .as(task)
          .isCloseTo(truth, org.assertj.core.data.Offset.offset(Math.max(0.2 * truth, 600)));
    }
  }

  @Test
  void subtractsTheRecordedOverheadAndCountsWhatItClamps() throws Exception {
    // one quiet job every minute; sojourn = 1.5 s overhead + grading 1, 2, ..., 40 s (millisecond
    // completions: no truncation correction)
    Instant t0 = Instant.parse("2024-01-15T08:00:00Z");
    Path trace = tmp.resolve("o.csv");
    try (CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (int i = 0; i < 40; i++) {
        Instant at = t0.plusSeconds(60L * i);
        Instant done = at.plusMillis(1500 + 1000L * (i + 1) + 1);
        w.write(
            new Submission(
                "s" + i, at, "c", "t", List.of(), null, 0, null, done, "success", null, null,
                null));
      }
      w.commit();
    }
    TaskEstimate plain = GradingTimeEstimate.fromTrace(trace).forTask("c", "t").orElseThrow();
    TaskEstimate exact =
        GradingTimeEstimate.fromTrace(trace, RecordedOverhead.of("r", 1500, "test"))
            .forTask("c", "t")
            .orElseThrow();
    TaskEstimate over =
        GradingTimeEstimate.fromTrace(trace, RecordedOverhead.of("r", 4501, "test"))
            .forTask("c", "t")
            .orElseThrow();

    assertThat(plain.medianMs()).isEqualTo(1500 + 20_501);
    assertThat(plain.clamped()).isZero();
    assertThat(exact.medianMs()).isEqualTo(20_501);
    assertThat(exact.p10Ms()).isCloseTo(4_901, org.assertj.core.data.Offset.offset(1.0));
    assertThat(exact.clamped()).isZero();
    // 4.501 s more than the truth of the first three (1.001, 2.001, 3.001 s): clamped at 1 ms
    assertThat(over.clamped()).isEqualTo(3);
    assertThat(over.p10Ms()).isCloseTo(1_900, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void estimatesEveryContainerTaskOfTheSampleExport() throws Exception {
    Path json = SharedData.require("samples/inginious-export/submissions.json");
    Path tasks = SharedData.require("samples/inginious-export/tasks");
    Path trace = tmp.resolve("x.csv");
    try (Stream<Submission> rows =
            TraceFormat.INGINIOUS
                .importer()
                .read(json, new ImportOptions(tasks, null, null, false, null, Map.of()), r -> {});
        CanonicalTraceWriter w = new CanonicalTraceWriter(trace)) {
      for (Submission s :
          rows.sorted((x, y) -> x.submittedAt().compareTo(y.submittedAt())).toList()) {
        w.write(s);
      }
      w.commit();
    }

    GradingTimeEstimate e = GradingTimeEstimate.fromTrace(trace);

    assertThat(e.tasks())
        .extracting(TaskEstimate::task)
        .containsExactly("bigdata", "hello", "loops", "recursion", "sorting");
    for (TaskEstimate t : e.tasks()) {
      assertThat(t.samples()).as(t.task()).isGreaterThanOrEqualTo(100);
      assertThat(t.fewSamples()).isFalse();
      // Plausible: above a second, below the task's CPU limit, quartiles in order.
      assertThat(t.medianMs()).as(t.task()).isBetween(1000.0, 20_000.0);
      assertThat(t.p25Ms()).isLessThanOrEqualTo(t.medianMs());
      assertThat(t.p75Ms()).isGreaterThanOrEqualTo(t.medianMs());
    }
    // Pinned figure of the sample (quiet sojourns with the 0.5 s truncation correction).
    assertThat(e.forTask("LEPL1401-exam", "hello").orElseThrow().medianMs())
        .isCloseTo(2510, org.assertj.core.data.Offset.offset(50.0));
    assertThat(e.forTask("LEPL1401-exam", "bigdata").orElseThrow().medianMs())
        .isGreaterThan(e.forTask("LEPL1401-exam", "sorting").orElseThrow().medianMs());
  }
}
