/**
 * Autoscaling of the agent pool as cloud autoscalers do it (target tracking on a load metric,
 * evaluated at fixed intervals, with provisioning delay, cooldown, minimum and maximum size and
 * scale-in of idle agents only): plain Java, driven by the engine in virtual time.
 */
package io.gradesim.simulator.autoscale;
