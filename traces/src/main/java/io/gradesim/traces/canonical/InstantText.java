package io.gradesim.traces.canonical;

import java.time.Instant;

/**
 * Fast ISO-8601 instants in the canonical form {@code 2024-03-08T09:15:02.123Z}: formatting
 * byte-for-byte as {@link Instant#toString()} does (no fraction, or 3, 6 or 9 digits) and parsing
 * that form straight from bytes. Anything else (years outside 0000-9999, offsets, leap seconds)
 * falls back to {@link Instant#toString()} and {@link Instant#parse}. Consecutive rows usually
 * share a day, so the date part is cached.
 */
final class InstantText {
  private static final int SECONDS_PER_DAY = 86_400;
  private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
  private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

  private long cachedDay = Long.MIN_VALUE;
  private final byte[] cachedDate = new byte[11];
  private int parsedDateKey = -1;
  private long parsedDay;

  /** Writes {@code t} into {@code out} at {@code pos} and returns the new position. */
  int format(Instant t, byte[] out, int pos) {
    long sec = t.getEpochSecond();
    if (sec < MIN_SECOND || sec > MAX_SECOND) {
      String s = t.toString();
      for (int i = 0; i < s.length(); i++) {
        out[pos++] = (byte) s.charAt(i);
      }
      return pos;
    }
    long day = Math.floorDiv(sec, SECONDS_PER_DAY);
    int secOfDay = (int) Math.floorMod(sec, SECONDS_PER_DAY);
    if (day != cachedDay) {
      civil(day);
    }
    System.arraycopy(cachedDate, 0, out, pos, 11);
    pos += 11;
    pos = two(secOfDay / 3600, out, pos);
    out[pos++] = ':';
    pos = two(secOfDay / 60 % 60, out, pos);
    out[pos++] = ':';
    pos = two(secOfDay % 60, out, pos);
    int nanos = t.getNano();
    if (nanos != 0) {
      out[pos++] = '.';
      int digits;
      int value;
      if (nanos % 1_000_000 == 0) {
        digits = 3;
        value = nanos / 1_000_000;
      } else if (nanos % 1000 == 0) {
        digits = 6;
        value = nanos / 1000;
      } else {
        digits = 9;
        value = nanos;
      }
      for (int i = digits - 1; i >= 0; i--) {
        out[pos + i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      pos += digits;
    }
    out[pos++] = 'Z';
    return pos;
  }

  /** Fills the date cache with {@code yyyy-MM-ddT} of {@code epochDay} (Hinnant's algorithm). */
  private void civil(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
    cachedDate[0] = (byte) ('0' + y / 1000);
    cachedDate[1] = (byte) ('0' + y / 100 % 10);
    cachedDate[2] = (byte) ('0' + y / 10 % 10);
    cachedDate[3] = (byte) ('0' + y % 10);
    cachedDate[4] = '-';
    two(m, cachedDate, 5);
    cachedDate[7] = '-';
    two(d, cachedDate, 8);
    cachedDate[10] = 'T';
    cachedDay = epochDay;
  }

  private static int two(int v, byte[] out, int pos) {
    out[pos] = (byte) ('0' + v / 10);
    out[pos + 1] = (byte) ('0' + v % 10);
    return pos + 2;
  }

  /**
   * Parses the canonical form from {@code b[off, off + len)}; null when the text is not in that
   * exact form (the caller then falls back to {@link Instant#parse}).
   */
  Instant parse(byte[] b, int off, int len) {
    if (len < 20
        || len > 30
        || b[off + len - 1] != 'Z'
        || b[off + 4] != '-'
        || b[off + 7] != '-'
        || b[off + 10] != 'T'
        || b[off + 13] != ':'
        || b[off + 16] != ':') {
      return null;
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    int hour = digits(b, off + 11, 2);
    int minute = digits(b, off + 14, 2);
    int second = digits(b, off + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > lengthOfMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nanos = 0;
    int fraction = len - 20;
    if (fraction > 0) {
      if (b[off + 19] != '.' || fraction == 1) {
        return null;
      }
      int n = digits(b, off + 20, fraction - 1);
      if (n < 0) {
        return null;
      }
      for (int i = fraction - 1; i < 9; i++) {
        n *= 10;
      }
      nanos = n;
    } else if (len != 20) {
      return null;
    }
    int dateKey = (year * 16 + month) * 32 + day;
    if (dateKey != parsedDateKey) {
      parsedDay = epochDay(year, month, day);
      parsedDateKey = dateKey;
    }
    return Instant.ofEpochSecond(
        parsedDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The value of {@code n} decimal digits, or -1 if one is not a digit. */
  private static int digits(byte[] b, int off, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int d = b[off + i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = month > 2 ? month - 3 : month + 9;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
