/**
 * The seed thesis' measurement set (LEPL2990, 2020: 73 container configurations, cumulative stage
 * times in seconds): its reader, its statistic beside the project's, the mapping of each
 * configuration to this host, the matrix that probes every configuration this host can run ({@code
 * probe --matrix thesis}), and the comparison with a probe's results.
 */
package io.gradesim.probes.thesis;
