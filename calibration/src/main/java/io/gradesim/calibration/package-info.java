/**
 * Calibration: turns a probe recording into a cost model per runtime, stage, payload and
 * concurrency level ({@link io.gradesim.calibration.Calibrator}), stored as a calibration profile
 * that the simulator samples stage durations from.
 */
package io.gradesim.calibration;
