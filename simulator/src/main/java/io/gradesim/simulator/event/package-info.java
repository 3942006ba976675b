/**
 * The events of a simulated run: the protocol between the model, the output writers and the
 * journal. Persisted events are never changed; new ones are added.
 */
package io.gradesim.simulator.event;
