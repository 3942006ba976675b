package io.gradesim.live;

/**
 * How busy the machine was with work other than the live run's, as fractions of all its CPUs
 * ({@link io.gradesim.probes.load.HostLoad#otherLoad()}).
 *
 * @param mean mean over the run, weighted by window length
 * @param peak the worst sampling window
 * @param samples how many windows were sampled
 */
public record OtherLoad(double mean, double peak, int samples) {}
