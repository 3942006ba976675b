/**
 * Importer of ejudge run logs (CSV with {@code contest_time_s}) and the contest JSON that gives
 * their start time.
 */
package io.gradesim.traces.format.ejudge;
