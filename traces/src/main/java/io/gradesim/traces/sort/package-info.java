/** Sorting traces by arrival in bounded memory: in-memory runs spilled and merged from disk. */
package io.gradesim.traces.sort;
