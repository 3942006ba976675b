/**
 * {@code gradesim validate}: a prediction held against a live pool. Calibrates (probes) the
 * runtime, predicts with several replications, replays the same trace live, and scores the
 * prediction per metric with intervals, refusing a live run disturbed by other load.
 */
package io.gradesim.app.validate;
