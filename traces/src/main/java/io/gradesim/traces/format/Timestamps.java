package io.gradesim.traces.format;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time notations real traces use, parsed strictly. Every method throws an {@link
 * IllegalArgumentException} whose message is the reason only; the importer adds file, line and
 * field.
 */
public final class Timestamps {
  /** Epoch numbers from here on are milliseconds, below it seconds (10^11 s is year 5138). */
  public static final BigDecimal EPOCH_MILLIS_FROM = new BigDecimal("100000000000");

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)"
              + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?(?:\\[([^\\]]{1,64})])?");
  private static final Pattern CONTEST_TIME =
      Pattern.compile("(-)?(\\d{1,9}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

  private Timestamps() {}

  /** An ISO-8601 date-time as written: its wall-clock part and its zone, null when it has none. */
  public record Stamp(LocalDateTime local, ZoneId zone) {

    /** The instant, reading a zone-less stamp in {@code fallback}; fails when both are absent. */
    public Instant instant(ZoneId fallback) {
      ZoneId z = zone != null ? zone : fallback;
      if (z == null) {
        throw new IllegalArgumentException("'" + local + "' has no time zone or offset");
      }
      return local.atZone(z).toInstant();
    }
  }

  /**
   * Parses {@code 2023-02-19T09:18:59.044+01:00} and its variants: a space instead of {@code T},
   * offsets {@code Z}, {@code +01}, {@code +0100}, {@code +01:00}, a {@code [Europe/Paris]} region,
   * or no zone at all.
   */
  public static Stamp parse(String text) {
    Matcher m = DATE_TIME.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ISO-8601 date-time: '" + text + "'");
    }
    try {
      LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2).replace(',', '.'));
      String offset = m.group(3);
      ZoneId zone = null;
      if (offset != null) {
        zone =
            offset.equalsIgnoreCase("Z") || offset.equals("UTC") || offset.equals("GMT")
                ? ZoneOffset.UTC
                : ZoneOffset.of(offset);
      } else if (m.group(4) != null) {
        zone = ZoneId.of(m.group(4));
      }
      return new Stamp(local, zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not a valid date-time: '" + text + "' (" + e.getMessage() + ")");
    }
  }

  /** Parses a date-time that must carry its own zone or offset, else is read in {@code zone}. */
  public static Instant instant(String text, ZoneId zone) {
    return parse(text).instant(zone);
  }

  /**
   * Parses epoch time: seconds (a fraction allowed) below {@link #EPOCH_MILLIS_FROM}, milliseconds
   * from there on. No trace of interest lies in 1973, where the two would be confused.
   */
  public static Instant epoch(String text) {
    try {
      BigDecimal value = new BigDecimal(text.trim());
      if (value.precision() - value.scale() > 20) {
        // Check the magnitude first: 1e999999 would expand into a million digits.
        throw new ArithmeticException("too large");
      }
      BigDecimal seconds =
          value.abs().compareTo(EPOCH_MILLIS_FROM) < 0 ? value : value.movePointLeft(3);
      BigDecimal whole = new BigDecimal(seconds.toBigInteger());
      long nanos = seconds.subtract(whole).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a number of epoch seconds or milliseconds: '" + text + "'");
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException("epoch time out of range: '" + text + "'");
    }
  }

  /** True when {@code text} looks like a plain (possibly signed, fractional) number. */
  public static boolean isNumber(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean sign = i == 0 && (c == '-' || c == '+');
      if (!(sign || c == '.' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /** Parses a CLICS relative time {@code (-)h:mm:ss(.uuu)} such as {@code 0:03:59.044}. */
  public static Duration contestTime(String text) {
    Matcher m = CONTEST_TIME.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a CLICS relative time h:mm:ss.uuu: '" + text + "'");
    }
    String fraction = m.group(5) == null ? "0" : (m.group(5) + "00000000").substring(0, 9);
    Duration d =
        Duration.ofHours(Long.parseLong(m.group(2)))
            .plusMinutes(Long.parseLong(m.group(3)))
            .plusSeconds(Long.parseLong(m.group(4)))
            .plusNanos(Long.parseLong(fraction));
    return m.group(1) != null ? d.negated() : d;
  }

  /** Parses a zone: a region such as {@code Europe/Moscow}, {@code UTC}, or an offset. */
  public static ZoneId zone(String text) {
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not a time zone (want e.g. Europe/Moscow or +03:00): '" + text + "'");
    }
  }
}
