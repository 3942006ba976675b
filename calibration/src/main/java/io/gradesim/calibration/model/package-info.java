/**
 * The calibration profile the simulator reads: one row of stage costs per runtime, stage, payload
 * and concurrency level, measured here or taken from the literature, its JSON form, and the sampler
 * that draws stage durations from it.
 */
package io.gradesim.calibration.model;
