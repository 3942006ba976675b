/**
 * Trace statistics: what {@code trace inspect} prints, and the per-task grading-time estimate that
 * the simulator uses for INGInious traces, which record completions but no durations.
 */
package io.gradesim.traces.stats;
