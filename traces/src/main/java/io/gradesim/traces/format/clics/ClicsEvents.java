package io.gradesim.traces.format.clics;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.Results;
import io.gradesim.traces.format.Timestamps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies one CLICS feed event to the pending submissions: contest and state events set the contest
 * id and start, submissions and judgements are added, updated or deleted. A bad event throws a
 * {@link TraceFormatException} naming its line and field.
 */
final class ClicsEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path input;
  private final ZoneId zone;
  private final PendingSubmissions pending;
  private final ClicsFeedImporter.ClicsCounts counts;
  private final Map<String, Boolean> solvedByType = new HashMap<>();
  private String contestId;
  private Instant scheduledStart;
  private Instant startedAt;
  private Instant clock = Instant.MIN;
  private long line;

  ClicsEvents(
      Path input, ZoneId zone, PendingSubmissions pending, ClicsFeedImporter.ClicsCounts counts) {
    this.input = input;
    this.zone = zone;
    this.pending = pending;
    this.counts = counts;
  }

  /** The latest instant the feed has shown (submission and judgement times). */
  Instant clock() {
    return clock;
  }

  /** The contest id, the course of every submission. */
  String contestId() {
    return contestId;
  }

  /** Applies the event on {@code line}. */
  void accept(String text, long line) {
    this.line = line;
    JsonNode event;
    try {
      event = JSON.readTree(text);
    } catch (JacksonException e) {
      throw bad(null, "not JSON: " + e.getOriginalMessage());
    }
    if (event == null || !event.isObject()) {
      throw bad(null, "expected a JSON object per line");
    }
    String type = string(event, "type", true);
    JsonNode data = event.get("data");
    boolean delete = "delete".equals(string(event, "op", false)) || data == null || data.isNull();
    if (!delete && !data.isObject()) {
      throw bad("data", "expected an object");
    }
    String id =
        data != null && data.isObject() && data.hasNonNull("id")
            ? string(data, "id", true)
            : string(event, "id", false);
    switch (type) {
      case "contest", "contests" -> contest(data, delete);
      case "state" -> state(data, delete);
      case "judgement-types" -> {
        if (!delete && id != null) {
          solvedByType.put(id, data.path("solved").asBoolean(false));
        }
      }
      case "submissions" -> submission(id, data, delete);
      case "judgements" -> judgement(id, data, delete);
      default -> {} // teams, problems, runs, clarifications...: not needed for arrivals
    }
  }

  private void contest(JsonNode data, boolean delete) {
    if (delete) {
      return;
    }
    contestId = string(data, "id", true);
    String start = string(data, "start_time", false);
    // A null start_time means the countdown is paused: keep the last scheduled start.
    if (start != null) {
      scheduledStart = instant(data, "start_time");
    }
    counts.start = start();
  }

  private void state(JsonNode data, boolean delete) {
    if (!delete && string(data, "started", false) != null) {
      startedAt = instant(data, "started");
      counts.start = start();
    }
  }

  private Instant start() {
    return startedAt != null ? startedAt : scheduledStart;
  }

  private void submission(String id, JsonNode data, boolean delete) {
    if (id == null) {
      throw bad("id", "is required but missing");
    }
    if (delete) {
      counts.deleted += pending.remove(id) ? 1 : 0;
      return;
    }
    Instant at;
    if (string(data, "time", false) != null) {
      at = instant(data, "time");
    } else if (start() != null) {
      at = start().plus(relative(string(data, "contest_time", true)));
    } else {
      throw bad("time", "missing, and no contest start is known to add contest_time to");
    }
    String task = string(data, "problem_id", true);
    String team = string(data, "team_id", true);
    String language = string(data, "language_id", false);
    if (contestId == null) {
      throw new IllegalArgumentException(
          bad(
                  "type",
                  "a submission before any contest event;"
                      + " a CLICS feed starts with its contest")
              .getMessage());
    }
    tick(at);
    PendingSubmissions.Entry entry = new PendingSubmissions.Entry(id, at, task, team, language);
    entry.line = line;
    pending.put(entry);
  }

  private void judgement(String id, JsonNode data, boolean delete) {
    if (id == null) {
      throw bad("id", "is required but missing");
    }
    if (delete) {
      pending.dropJudgement(id);
      return;
    }
    String submissionId = string(data, "submission_id", true);
    Instant start = instant(data, "start_time");
    Instant end = string(data, "end_time", false) == null ? null : instant(data, "end_time");
    if (end != null && end.isBefore(start)) {
      throw bad("end_time", "is before start_time " + start);
    }
    String type = string(data, "judgement_type_id", false);
    tick(end != null ? end : start);
    PendingSubmissions.Entry e = pending.get(submissionId);
    if (e == null) {
      counts.unmatched++;
      return;
    }
    if (!data.path("valid").asBoolean(true)) {
      return; // a rejudging that was not applied
    }
    e.judgementId = id;
    e.judgeStart = start;
    e.judgeEnd = end;
    e.result = end == null || type == null ? null : result(type);
  }

  /** The canonical result; an id outside the CLICS table counts by its judgement-types entry. */
  private String result(String type) {
    String r = Results.fromClics(type);
    if (r != null) {
      return r;
    }
    return solvedByType.getOrDefault(type, false) ? Results.SUCCESS : Results.FAILED;
  }

  private void tick(Instant t) {
    if (t.isAfter(clock)) {
      clock = t;
    }
  }

  private String string(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw bad(field, "is required but missing");
      }
      return null;
    }
    if (!v.isValueNode()) {
      throw bad(field, "expected a string, found " + v.getNodeType());
    }
    return v.asText();
  }

  private Instant instant(JsonNode node, String field) {
    String v = string(node, field, true);
    try {
      return Timestamps.instant(v, zone);
    } catch (IllegalArgumentException e) {
      throw bad(field, e.getMessage());
    }
  }

  private Duration relative(String v) {
    try {
      return Timestamps.contestTime(v);
    } catch (IllegalArgumentException e) {
      throw bad("contest_time", e.getMessage());
    }
  }

  private TraceFormatException bad(String field, String reason) {
    return new TraceFormatException(input, line, field, reason);
  }
}
