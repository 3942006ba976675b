/**
 * The {@code gradesim runs} commands (list, show, events, export, delete) and {@code gradesim bench
 * journal}: inspecting and measuring the run journal.
 */
package io.gradesim.journal.cli;
