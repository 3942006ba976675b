/** JFR events the probes record; their names and fields are the contract calibration reads. */
package io.gradesim.probes.jfr;
