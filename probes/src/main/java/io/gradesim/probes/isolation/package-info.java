/**
 * The isolation and limits matrix: per runtime, real attempts to exceed a memory limit, a CPU-time
 * limit and a wall-time limit, to reach a listener on the host's loopback, to see a host process,
 * and to write to a read-only root; each ends pass, fail or unsupported.
 */
package io.gradesim.probes.isolation;
