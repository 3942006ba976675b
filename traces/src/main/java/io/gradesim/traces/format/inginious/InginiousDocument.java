package io.gradesim.traces.format.inginious;

import java.time.Instant;
import java.util.List;

/**
 * The fields of one {@code submissions} document that gradesim uses, as stored by INGInious ({@code
 * inginious/frontend/submission_manager.py}).
 *
 * @param line 1-based line where the document starts in the export
 * @param ordinal 1-based position of the document in the export
 * @param id the {@code _id} ObjectId in hex (or the plain string id)
 * @param course {@code courseid}
 * @param task {@code taskid}
 * @param usernames {@code username}: one name, or the members of a group
 * @param submittedOnLocal {@code submitted_on}: server local time stored as if it were UTC
 * @param status {@code status}: waiting, done or error
 * @param result {@code result}, or null when absent (a crashed job has none)
 * @param archiveId the {@code archive} GridFS ObjectId in hex, or null
 * @param replayed whether the document has {@code last_replay} (re-graded later)
 */
record InginiousDocument(
    long line,
    long ordinal,
    String id,
    String course,
    String task,
    List<String> usernames,
    Instant submittedOnLocal,
    String status,
    String result,
    String archiveId,
    boolean replayed) {

  /** The UTC second embedded in the {@code _id} ObjectId, or null for a non-ObjectId id. */
  Long idSecond() {
    return ObjectIds.epochSecond(id);
  }
}
