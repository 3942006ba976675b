package io.gradesim.journal;

/**
 * Marker of every class the journal persists: bound to the Kryo serializer in {@code
 * gradesim-journal.conf}, so nothing persisted falls back to Java serialization.
 */
public interface JournalSerializable {}
