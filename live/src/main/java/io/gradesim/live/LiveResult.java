package io.gradesim.live;

import io.gradesim.simulator.output.RunSummary;

/**
 * A finished live run.
 *
 * @param summary the run's summary, as {@code summary.json} holds it (with {@code "mode": "live"})
 * @param times each submission's instants, for resampling
 * @param otherLoad the machine's other load during the run
 * @param slots the pool's slots (for utilisation)
 */
public record LiveResult(RunSummary summary, LiveTimes times, OtherLoad otherLoad, int slots) {}
