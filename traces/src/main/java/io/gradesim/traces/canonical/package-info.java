/** The canonical trace CSV of DESIGN.md: its columns, a streaming reader and an atomic writer. */
package io.gradesim.traces.canonical;
