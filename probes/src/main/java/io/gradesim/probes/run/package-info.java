/**
 * Runs a probe: for each runtime and concurrency level, warm-up then measured rounds of that many
 * container lifecycles at once, each stage timed as a JFR {@code gradesim.Stage} event.
 */
package io.gradesim.probes.run;
