/** The {@code gradesim probe} command. */
package io.gradesim.probes.cli;
