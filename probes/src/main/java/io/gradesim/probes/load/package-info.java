/**
 * How much of the machine the probe's own work uses: the probe JVM, its descendants, the
 * container-runtime daemons and the containers they hold, measured from {@code /proc} (proc(5)).
 */
package io.gradesim.probes.load;
