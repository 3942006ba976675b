/**
 * The simulator's benchmark workload: a synthetic Poisson trace generated in-process and the
 * scenario it runs against, shared by the engine benchmark and the memory tests.
 */
package io.gradesim.simulator.bench;
