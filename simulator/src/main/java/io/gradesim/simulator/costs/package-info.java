/**
 * Stage costs of a run: the scenario's own ({@code costs = {...}}), none, or sampled from a
 * calibration profile for the scenario's runtime at the agent's concurrent container operations
 * (the profile given with {@code --calibration}, else the bundled literature profile).
 */
package io.gradesim.simulator.costs;
