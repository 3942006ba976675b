/**
 * Importer of INGInious {@code mongoexport} dumps of the {@code submissions} collection, joined
 * with the course's {@code task.yaml} files for environments and limits.
 */
package io.gradesim.traces.format.inginious;
