/**
 * One simulation run, without actors: its setup from a trace, a scenario and a profile (the trace
 * survey, stage costs, output writer), the loop that advances it in slices, and its outcome. The
 * app's sweeps run these as Pekko actors.
 */
package io.gradesim.simulator.run;
