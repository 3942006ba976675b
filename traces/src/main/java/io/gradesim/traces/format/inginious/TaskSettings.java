package io.gradesim.traces.format.inginious;

/**
 * What a task's {@code task.yaml} says about grading: where it runs and its limits.
 *
 * @param environment {@code type/id}, e.g. {@code docker/default} or {@code mcq/mcq}
 * @param cpuLimitS {@code time}: CPU seconds, or null for tasks that run no container
 * @param hardLimitS {@code hard_time}: wall seconds, or null for tasks that run no container
 * @param memoryMb {@code memory} in MB, or null for tasks that run no container
 */
record TaskSettings(String environment, Double cpuLimitS, Double hardLimitS, Long memoryMb) {}
