/** The {@code gradesim} command line: the root command and the commands that span modules. */
package io.gradesim.cli;
