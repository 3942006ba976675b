/** The simulator's commands: {@code simulate} and {@code bench simulate}. */
package io.gradesim.simulator.cli;
