/** Synthetic workloads: duration distributions and generators of seeded, repeatable traces. */
package io.gradesim.traces.synth;
