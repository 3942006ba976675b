/**
 * The outputs of a simulated run, folded from its event stream alone: {@code submissions.csv} (one
 * row per submission, in arrival order), {@code timeseries.csv} (time-averaged queue and busy slots
 * per bucket), {@code summary.json} (model figures and provenance, byte-identical for the same
 * events) and {@code perf.json} (wall-clock figures, kept apart). Files and columns are documented
 * in {@code simulator/OUTPUTS.md}; keys and columns are declared once in {@link
 * io.gradesim.simulator.output.SummaryKey}, {@link io.gradesim.simulator.output.SubmissionColumn}
 * and {@link io.gradesim.simulator.output.TimeseriesColumn}.
 */
package io.gradesim.simulator.output;
