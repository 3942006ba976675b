package io.gradesim.calibration.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;

/**
 * One row of the profile: the cost of one stage of one runtime at one concurrency level.
 *
 * <p>Measured rows have every statistic; literature rows have the published figure as {@code p50Us}
 * (with {@code statistic} saying whether it is a median, a typical value, a bound or the midpoint
 * of a range), a {@code fixed} fit, what the figure {@code covers}, and its {@code citation}.
 *
 * @param runtime runtime name
 * @param stage create, start, exec, stop, remove or run
 * @param payload payload the stage ran ({@code true}, cpu, files, ...)
 * @param concurrency lifecycles run at once
 * @param source {@value #MEASURED} or {@value #LITERATURE}
 * @param n samples kept (literature: repetitions reported, or absent)
 * @param excludedBusy samples left out because the machine was busy (measured only)
 * @param busyOnly true when every sample was taken on a busy machine and all were kept
 * @param p50Us median, microseconds
 * @param p90Us 90th percentile, microseconds
 * @param p99Us 99th percentile, microseconds
 * @param meanUs mean, microseconds
 * @param stddevUs standard deviation, microseconds
 * @param medianCi95Us distribution-free 95 % confidence interval of the median [low, high]
 * @param fit the fitted distribution the sampler draws from
 * @param statistic literature only: what the published figure is
 * @param covers literature only: which operations the figure includes
 * @param citation literature only: where the figure was published
 * @param recording measured only: the recording's file name and SHA-256, {@code NAME sha256:HEX}
 * @param note free text: conditions of the measurement
 */
@JsonPropertyOrder({
  "runtime",
  "stage",
  "payload",
  "concurrency",
  "source",
  "n",
  "excludedBusy",
  "busyOnly",
  "p50Us",
  "p90Us",
  "p99Us",
  "meanUs",
  "stddevUs",
  "medianCi95Us",
  "fit",
  "statistic",
  "covers",
  "citation",
  "recording",
  "note"
})
public record StageCost(
    String runtime,
    String stage,
    String payload,
    int concurrency,
    String source,
    Integer n,
    Integer excludedBusy,
    Boolean busyOnly,
    Double p50Us,
    Double p90Us,
    Double p99Us,
    Double meanUs,
    Double stddevUs,
    List<Double> medianCi95Us,
    Fit fit,
    String statistic,
    String covers,
    String citation,
    String recording,
    String note) {

  /** Source of a row measured on the host. */
  public static final String MEASURED = "measured";

  /** Source of a row transcribed from a publication. */
  public static final String LITERATURE = "literature";

  /** Row order in a profile: runtime, stage, payload, concurrency, source. */
  public static final Comparator<StageCost> ORDER =
      Comparator.comparing(StageCost::runtime)
          .thenComparing(StageCost::stage)
          .thenComparing(StageCost::payload)
          .thenComparingInt(StageCost::concurrency)
          .thenComparing(StageCost::source);

  /** True when the row can be sampled (it has a fit; a measured row kept at least one sample). */
  public boolean usable() {
    return fit != null && (n == null || n > 0);
  }

  /** True for a row from the literature. */
  public boolean literature() {
    return LITERATURE.equals(source);
  }
}
