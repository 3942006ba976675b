/** Importer of ProgSnap2 {@code MainTable.csv} submit events (CSEDM datasets). */
package io.gradesim.traces.format.progsnap2;
