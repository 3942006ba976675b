/**
 * The {@code bench} subcommands that need more than the core: the engine behind actors, the output
 * fold, the journal, whole {@code simulate}, {@code compare} and {@code plan} processes, each
 * started as the launcher would ({@code GradesimProcess}), and sweeps on a cluster of pinned worker
 * nodes.
 */
package io.gradesim.app.bench;
