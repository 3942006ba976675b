/**
 * Sweeps: several simulation runs at a time as Pekko actors (one per run, under one sweep actor) in
 * the process's actor system, and the scenario sweep behind {@code compare}.
 */
package io.gradesim.app.sweep;
