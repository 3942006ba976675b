/** The one progress bar every command draws on standard error (probes, compare, sweeps). */
package io.gradesim.files.progress;
