package io.gradesim.traces.format.inginious;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Reads MongoDB extended JSON values from a streaming parser: {@code {"$oid": hex}}, {@code
 * {"$date": iso}} (relaxed), {@code {"$date": {"$numberLong": ms}}} (canonical) and the legacy
 * {@code {"$date": ms}} of mongoexport before 4.2 (MongoDB Extended JSON v2 spec).
 */
final class ExtendedJson {
  /** ISO dates with {@code Z}, {@code +01:00} or the legacy {@code +0100} offset. */
  private static final DateTimeFormatter ISO =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private ExtendedJson() {}

  /** Thrown for a value of the wrong shape; the caller adds file, line and field. */
  static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Reads an ObjectId (or a plain string id); null for JSON null. Leaves the value consumed. */
  static String objectId(JsonParser p) throws IOException, BadValue {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_STRING) {
      String id = p.getText();
      if (TraceInput.invalidAt(id) >= 0) {
        throw new BadValue("not valid UTF-8 (the export must be UTF-8 text)");
      }
      return id;
    }
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new BadValue("expected {\"$oid\": ...}, found " + t);
    }
    String oid = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ("$oid".equals(name) && v == JsonToken.VALUE_STRING) {
        oid = p.getText();
      } else {
        p.skipChildren();
      }
    }
    if (!ObjectIds.isObjectId(oid)) {
      throw new BadValue("expected {\"$oid\": 24 hex digits}, found " + oid);
    }
    return oid;
  }

  /** Reads a date as the instant it spells (INGInious' local time as if UTC); null for null. */
  static Instant date(JsonParser p) throws IOException, BadValue {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new BadValue("expected {\"$date\": ...}, found " + t);
    }
    Instant date = null;
    BadValue bad = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!"$date".equals(name)) {
        p.skipChildren();
        continue;
      }
      try {
        date = dateValue(p);
      } catch (BadValue e) {
        bad = e;
      }
    }
    if (bad != null) {
      throw bad;
    }
    if (date == null) {
      throw new BadValue("expected {\"$date\": ...}");
    }
    return date;
  }

  private static Instant dateValue(JsonParser p) throws IOException, BadValue {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return iso(p.getText());
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return millis(p.getText());
    }
    if (t == JsonToken.START_OBJECT) {
      String ms = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if ("$numberLong".equals(name) && p.currentToken().isScalarValue()) {
          ms = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (ms == null) {
        throw new BadValue("expected {\"$date\": {\"$numberLong\": ...}}");
      }
      return millis(ms);
    }
    p.skipChildren();
    throw new BadValue("expected an ISO date or milliseconds in $date, found " + t);
  }

  private static Instant iso(String text) throws BadValue {
    try {
      var parsed = ISO.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime odt) {
        return odt.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadValue("not an ISO-8601 date: '" + text + "'");
    }
  }

  private static Instant millis(String text) throws BadValue {
    try {
      return Instant.ofEpochMilli(Long.parseLong(text.trim()));
    } catch (NumberFormatException | DateTimeException e) {
      throw new BadValue("not a number of milliseconds: '" + text + "'");
    }
  }
}
