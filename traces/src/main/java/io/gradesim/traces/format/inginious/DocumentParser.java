package io.gradesim.traces.format.inginious;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one submission document from a streaming parser positioned on its {@code START_OBJECT},
 * token by token: fields gradesim does not use (input, stdout, problems...) are skipped without
 * being built. A bad field is remembered and the rest of the document still consumed, so that a
 * reader of a JSON array stays in step after rejecting it.
 */
final class DocumentParser {
  private final Path file;

  DocumentParser(Path file) {
    this.file = file;
  }

  /** Parses the document at the parser's current token; throws a rejection naming the field. */
  InginiousDocument parse(JsonParser p, long line, long ordinal) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new TraceFormatException(
          file,
          line,
          null,
          "document " + ordinal + ": expected a JSON object, found " + p.currentToken());
    }
    String id = null;
    String course = null;
    String task = null;
    List<String> users = List.of();
    Instant submitted = null;
    String status = null;
    String result = null;
    String archive = null;
    boolean replayed = false;
    String badField = null;
    String badReason = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      try {
        switch (name) {
          case "_id" -> id = ExtendedJson.objectId(p);
          case "courseid" -> course = string(p);
          case "taskid" -> task = string(p);
          case "username" -> users = usernames(p);
          case "submitted_on" -> submitted = ExtendedJson.date(p);
          case "status" -> status = string(p);
          case "result" -> result = string(p);
          case "archive" -> archive = ExtendedJson.objectId(p);
          case "last_replay" -> {
            replayed = value != JsonToken.VALUE_NULL;
            p.skipChildren();
          }
          default -> p.skipChildren();
        }
      } catch (ExtendedJson.BadValue e) {
        if (badField == null) {
          badField = name;
          badReason = e.getMessage();
        }
      }
    }
    if (badField == null) {
      badField =
          id == null
              ? "_id"
              : course == null
                  ? "courseid"
                  : task == null ? "taskid" : submitted == null ? "submitted_on" : null;
      badReason = badField == null ? null : "is required but missing or null";
    }
    if (badField != null) {
      throw new TraceFormatException(
          file, line, badField, "document " + ordinal + ": " + badReason);
    }
    return new InginiousDocument(
        line, ordinal, id, course, task, users, submitted, status, result, archive, replayed);
  }

  private static String string(JsonParser p) throws IOException, ExtendedJson.BadValue {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!t.isScalarValue()) {
      p.skipChildren();
      throw new ExtendedJson.BadValue("expected a string, found " + t);
    }
    return text(p);
  }

  /** The current token's text; a string that held bytes other than UTF-8 is a bad value. */
  private static String text(JsonParser p) throws IOException, ExtendedJson.BadValue {
    String v = p.getText();
    if (TraceInput.invalidAt(v) >= 0) {
      throw new ExtendedJson.BadValue("not valid UTF-8 (the export must be UTF-8 text)");
    }
    return v;
  }

  /** INGInious stores a list (a group has several members); a bare string is accepted too. */
  private static List<String> usernames(JsonParser p) throws IOException, ExtendedJson.BadValue {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t == JsonToken.VALUE_STRING) {
      return List.of(text(p));
    }
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      throw new ExtendedJson.BadValue("expected a list of usernames, found " + t);
    }
    List<String> names = new ArrayList<>(2);
    ExtendedJson.BadValue bad = null;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        String name = p.getText();
        if (TraceInput.invalidAt(name) >= 0) {
          bad = new ExtendedJson.BadValue("not valid UTF-8 (the export must be UTF-8 text)");
        }
        names.add(name);
      } else {
        p.skipChildren();
        bad = new ExtendedJson.BadValue("expected usernames as strings");
      }
    }
    if (bad != null) {
      throw bad;
    }
    return names;
  }
}
