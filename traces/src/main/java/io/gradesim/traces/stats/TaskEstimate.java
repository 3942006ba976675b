package io.gradesim.traces.stats;

import io.gradesim.traces.synth.DurationDistribution;

/**
 * The estimated grading time of one task, from the sojourn times (completion - arrival) of its
 * submissions that met a quiet system. Times are in milliseconds.
 *
 * @param course course id
 * @param task task id
 * @param environment the task's environment ({@code type/id})
 * @param completed submissions of the task with a known completion
 * @param samples quiet submissions the estimate is made of
 * @param quietThreshold most other container submissions in flight during a sample's sojourn
 * @param p10Ms 10th percentile
 * @param p25Ms first quartile
 * @param medianMs median
 * @param p75Ms third quartile
 * @param p90Ms 90th percentile
 * @param meanMs mean
 * @param fewSamples whether fewer quiet samples than wanted existed, so all were used
 * @param clamped samples that the recorded overhead's subtraction left at its floor ({@link
 *     RecordedOverhead}); 0 when nothing was subtracted
 */
public record TaskEstimate(
    String course,
    String task,
    String environment,
    long completed,
    long samples,
    int quietThreshold,
    double p10Ms,
    double p25Ms,
    double medianMs,
    double p75Ms,
    double p90Ms,
    double meanMs,
    boolean fewSamples,
    long clamped) {

  /**
   * A log-normal with this median whose spread matches the interquartile range ({@code sigma =
   * ln(p75/p25) / 1.349}), for the simulator to draw grading times from.
   */
  public DurationDistribution distribution() {
    double sigma = p25Ms > 0 && p75Ms > p25Ms ? Math.log(p75Ms / p25Ms) / 1.349 : 0;
    return new DurationDistribution.LogNormal(medianMs * 1000, sigma);
  }
}
