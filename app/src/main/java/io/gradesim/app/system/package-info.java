/**
 * The process's one Pekko actor system: started on first use with every module's settings, handed
 * to the sweeps and the journal, terminated when the command ends.
 */
package io.gradesim.app.system;
