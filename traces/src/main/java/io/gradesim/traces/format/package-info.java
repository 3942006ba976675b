/**
 * Importers of real trace formats, one sub-package each, behind the {@link
 * io.gradesim.traces.format.TraceFormat} enum.
 */
package io.gradesim.traces.format;
