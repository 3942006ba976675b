/**
 * The discrete-event engine: virtual integer time in microseconds, a primitive event heap with ties
 * broken by sequence number, and the loop that drives the INGInious model and emits the run's
 * {@link io.gradesim.simulator.event.SimEvent}s. No wall clock, no sleeps, no threads.
 */
package io.gradesim.simulator.engine;
