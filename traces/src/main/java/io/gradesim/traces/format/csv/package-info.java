/** Importer of any CSV with a header, its columns mapped onto canonical fields by the user. */
package io.gradesim.traces.format.csv;
