package io.gradesim.simulator.autoscale;

/**
 * What the autoscaler sees at an evaluation.
 *
 * @param inService agents up or being provisioned, not draining
 * @param waiting submissions waiting in the backend queues
 * @param busySlots slots holding a job
 * @param recentWaitMicros the recent backend queue wait: the larger of the mean wait of the
 *     submissions dispatched since the previous evaluation and the age of the oldest waiting one
 */
public record Load(int inService, long waiting, long busySlots, long recentWaitMicros) {}
