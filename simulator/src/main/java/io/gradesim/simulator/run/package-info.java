/**
 * Runs on Pekko: a run is an actor that owns one event loop and advances it in slices (no
 * message per simulated event); a sweep runs several runs (scenarios x seeds) in parallel on a
 * dispatcher sized to the machine's cores and reports every run's outcome, failed ones included.
 */
package io.gradesim.simulator.run;
