/**
 * The {@code trace} commands (import, synth, inspect) and the {@code bench trace} benchmark; the
 * root command of the simulator module lists them.
 */
package io.gradesim.traces.cli;
