package io.gradesim.traces.format.clics;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The submissions of a CLICS feed not written yet, in submission order, each with its latest
 * judgement. The head is released once its judgement has finished and the feed has moved {@link
 * #SETTLE} past its end: DOMjudge republishes a finished judgement while its remaining test cases
 * run (SWERC 2022: up to 6.8 s later), and the last version holds the true end. Submissions never
 * judged (scoreboard freeze) are released at the end of the feed, so memory holds only the
 * unsettled tail of the contest, never the whole feed.
 */
final class PendingSubmissions {
  /** How long past a judgement's end the feed must move before the judgement counts as final. */
  static final Duration SETTLE = Duration.ofMinutes(5);

  /** One pending submission with the latest version of its judgement. */
  static final class Entry {
    final String id;
    final Instant submittedAt;
    final String task;
    final String team;
    final String language;
    String judgementId;
    Instant judgeStart;
    Instant judgeEnd;
    String result;
    long line;

    Entry(String id, Instant submittedAt, String task, String team, String language) {
      this.id = id;
      this.submittedAt = submittedAt;
      this.task = task;
      this.team = team;
      this.language = language;
    }
  }

  private final Map<String, Entry> pending = new LinkedHashMap<>();

  /** Adds a new submission, or replaces the fields of a pending one, keeping its judgement. */
  void put(Entry e) {
    Entry old = pending.get(e.id);
    if (old != null) {
      e.line = old.line;
      e.judgementId = old.judgementId;
      e.judgeStart = old.judgeStart;
      e.judgeEnd = old.judgeEnd;
      e.result = old.result;
    }
    pending.put(e.id, e);
  }

  /** The pending submission {@code id}, or null when it was written already or never seen. */
  Entry get(String id) {
    return pending.get(id);
  }

  /** Drops a deleted submission; false when it is not pending. */
  boolean remove(String id) {
    return pending.remove(id) != null;
  }

  /** Forgets the judgement {@code judgementId} wherever it is pending (it was deleted). */
  void dropJudgement(String judgementId) {
    for (Entry e : pending.values()) {
      if (judgementId.equals(e.judgementId)) {
        e.judgementId = null;
        e.judgeStart = null;
        e.judgeEnd = null;
        e.result = null;
      }
    }
  }

  /** Releases, oldest first, every head submission whose judgement is final at {@code clock}. */
  void releaseSettled(Instant clock, Consumer<Entry> out) {
    Iterator<Entry> it = pending.values().iterator();
    while (it.hasNext()) {
      Entry head = it.next();
      if (head.judgeEnd == null || clock.isBefore(head.judgeEnd.plus(SETTLE))) {
        return;
      }
      it.remove();
      out.accept(head);
    }
  }

  /** Releases everything left, in submission order: the end of the feed. */
  void releaseAll(Consumer<Entry> out) {
    pending.values().forEach(out);
    pending.clear();
  }

  /** How many submissions are pending. */
  int size() {
    return pending.size();
  }
}
