/**
 * Summaries for people: per runtime, stage, payload and concurrency the sample count, median, p90,
 * p99 and a distribution-free 95 % confidence interval of the median.
 */
package io.gradesim.probes.report;
