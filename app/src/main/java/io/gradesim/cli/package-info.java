/**
 * The {@code gradesim} command line: the root command, {@code simulate}, {@code compare}, {@code
 * bench} and the class-data-sharing trainer, and the one-line failure reports.
 */
package io.gradesim.cli;
