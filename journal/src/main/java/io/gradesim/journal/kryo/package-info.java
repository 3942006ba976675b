/**
 * Kryo serialization of the journal: a small Pekko serializer over pooled Kryo instances with
 * explicit registration at fixed ids, and the compact encoding of simulated events inside a chunk.
 * Wire formats are pinned by golden-bytes tests: never change one, add a new type.
 */
package io.gradesim.journal.kryo;
