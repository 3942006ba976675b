/**
 * Warm pools of pre-created grading containers per agent and environment (SOCK, Oakes et al.,
 * USENIX ATC 2018: provisioned containers taken off the critical path), refilled in the background:
 * plain Java, driven by the engine in virtual time.
 */
package io.gradesim.simulator.warmpool;
