/**
 * The INGInious grading pipeline as plain Java, free of time loops and actors: topic queues, the
 * backend's ordered free-slot list, frontend admission, agents' shared CPUs, container stage costs
 * and grading demands. The engine drives these parts in virtual time.
 */
package io.gradesim.simulator.model;
