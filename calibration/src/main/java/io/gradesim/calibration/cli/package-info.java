/** The {@code calibrate} command. */
package io.gradesim.calibration.cli;
