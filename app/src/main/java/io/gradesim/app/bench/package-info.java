/**
 * The {@code bench} subcommands that need more than the core: the engine behind actors, the output
 * fold, the journal and whole {@code simulate}, {@code compare} and {@code plan} processes, each
 * started as the launcher would ({@code GradesimProcess}).
 */
package io.gradesim.app.bench;
