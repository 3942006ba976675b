/**
 * Capacity planning: the search space of levers, candidate plans built from a base scenario, their
 * evaluation over replications with independent seeds, the search for the cheapest plan meeting a
 * service level, and the plan's outputs.
 */
package io.gradesim.app.plan;
