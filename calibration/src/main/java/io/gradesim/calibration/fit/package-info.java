/**
 * Summary statistics and distribution fitting for stage durations: percentiles, a distribution-free
 * confidence interval of the median, maximum-likelihood lognormal and gamma fits, an empirical
 * quantile table, and the Kolmogorov–Smirnov choice between them.
 */
package io.gradesim.calibration.fit;
