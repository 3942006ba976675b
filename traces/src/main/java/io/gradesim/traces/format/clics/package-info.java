/**
 * Importer of CLICS contest event feeds (NDJSON, DOMjudge): submissions paired with their
 * judgements.
 */
package io.gradesim.traces.format.clics;
