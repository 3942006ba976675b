/**
 * The simulator's benchmark: a synthetic Poisson workload generated in-process and the
 * measurement of simulated submissions and events per second of wall time, alone and as
 * parallel runs.
 */
package io.gradesim.simulator.bench;
