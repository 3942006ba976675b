/** The host fingerprint stored with a measured profile: CPU, cores, memory, kernel, runtimes. */
package io.gradesim.calibration.host;
