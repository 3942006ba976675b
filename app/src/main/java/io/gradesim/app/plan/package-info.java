/**
 * Capacity planning: replications of a run with independent seeds (which {@code compare
 * --replications} runs too), the planning space ({@code PlanSpace}), the search for the cheapest
 * plan meeting the SLO per load level ({@code Planner}, {@code PlanSearch}) and the {@code plan}
 * command with its table, plan.csv and plan.html.
 */
package io.gradesim.app.plan;
