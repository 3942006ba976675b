/**
 * Submission traces: the {@link io.gradesim.traces.Submission} record, the errors readers raise,
 * and the sink that collects rejected rows.
 */
package io.gradesim.traces;
