package io.gradesim.simulator.run;

import java.util.concurrent.Callable;

/**
 * One run of a sweep: a label (scenario and seed) and how to open its task. Opening happens inside
 * the run's actor, so a run that cannot even start is reported like any other failure.
 */
public record RunSpec(String label, Callable<RunTask> open) {}
