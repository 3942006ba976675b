package io.gradesim.app.validate;

/**
 * One metric of a validation: the live run's value with its block-bootstrap 95 % interval, the
 * prediction (median of the replications) with the 2.5 % to 97.5 % quantiles of the replications,
 * and the relative error of the prediction. An interval that does not apply is NaN.
 *
 * @param name the metric, as {@code summary.json} names it (e.g. {@code feedback_p95_s})
 * @param measured the live run's value
 * @param measuredLow lower end of its interval
 * @param measuredHigh upper end of its interval
 * @param predicted the median over replications
 * @param predictedLow 2.5 % quantile over replications
 * @param predictedHigh 97.5 % quantile over replications
 */
record MetricScore(
    String name,
    double measured,
    double measuredLow,
    double measuredHigh,
    double predicted,
    double predictedLow,
    double predictedHigh) {

  /** (predicted - measured) / measured; NaN when nothing was measured. */
  double relativeError() {
    return measured == 0 ? Double.NaN : (predicted - measured) / measured;
  }
}
