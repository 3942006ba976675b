/**
 * The {@code bench} subcommands that need more than the core: the engine behind actors, the output
 * fold, the journal and whole {@code simulate} processes.
 */
package io.gradesim.app.bench;
