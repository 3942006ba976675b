/**
 * Capacity planning. So far: replications of a run with independent seeds, which {@code compare
 * --replications} runs and a planner is to evaluate candidate plans with.
 */
package io.gradesim.app.plan;
