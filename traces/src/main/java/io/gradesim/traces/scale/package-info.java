/** Load growth as trace transforms: whole students' sessions cloned or thinned, with a seed. */
package io.gradesim.traces.scale;
