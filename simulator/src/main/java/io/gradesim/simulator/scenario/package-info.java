/**
 * Scenarios: HOCON files (Typesafe Config) describing agent pools, container costs, network delays,
 * admission, failures and grading times, read into the typed {@link
 * io.gradesim.simulator.scenario.ScenarioSettings} (the only reader of keys), with defaults in the
 * module's {@code reference.conf} under {@code gradesim.simulator}.
 */
package io.gradesim.simulator.scenario;
