/**
 * Importers of real trace formats, one sub-package each, behind the {@link
 * io.gradesim.traces.format.TraceFormat} enum, and what they share: the CSV row loop ({@link
 * io.gradesim.traces.format.CsvImporter}), time notations ({@link
 * io.gradesim.traces.format.Timestamps}) and the canonical result names ({@link
 * io.gradesim.traces.format.Results}).
 */
package io.gradesim.traces.format;
