/**
 * The comparison report: reads finished run directories ({@code summary.json}, {@code
 * submissions.csv}, {@code timeseries.csv}) and optionally a calibration profile, and writes the
 * terminal table, {@code compare.csv} and a self-contained {@code report.html} whose charts are
 * drawn by JFreeChart onto JFreeSVG and inlined as SVG.
 *
 * <p>{@link io.gradesim.app.sweep.ScenarioSweep} first replays scenarios on a trace with the
 * simulator's run sweeps, for {@code gradesim compare --trace}.
 *
 * <p>Reading is streaming: a run's submissions become a fixed-size histogram, its time series a
 * bounded number of points, so a report on millions of submissions needs little memory.
 */
package io.gradesim.report;
