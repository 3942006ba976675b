package io.gradesim.traces.format.progsnap2;

import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.Timestamps;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code DatasetMetadata.csv} of a ProgSnap2 dataset ({@code Property,Value} rows), read only
 * for a time-zone hint: a property named like {@code TimezoneOffset}, {@code ServerTimezone} or
 * {@code TimeZone}. The specification's required properties carry no zone.
 */
final class DatasetMetadata {
  private static final List<String> ZONE_PROPERTIES =
      List.of("timezoneoffset", "servertimezone", "timezone", "time_zone", "utcoffset");

  private DatasetMetadata() {}

  /** The zone the metadata beside {@code mainTable} names, or null (also when it is absent). */
  static ZoneId zoneBeside(Path mainTable) throws IOException {
    Path dir = mainTable.toAbsolutePath().getParent();
    Path file = dir == null ? null : dir.resolve("DatasetMetadata.csv");
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try (Reader in = TraceInput.openText(file);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get()) {
      for (CSVRecord r : parser) {
        String property = r.get(0).trim().toLowerCase(Locale.ROOT);
        if (r.size() >= 2 && ZONE_PROPERTIES.contains(property) && !r.get(1).isBlank()) {
          try {
            return Timestamps.zone(r.get(1));
          } catch (IllegalArgumentException e) {
            throw new TraceFormatException(
                file, parser.getCurrentLineNumber(), r.get(0), e.getMessage());
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw new TraceFormatException(file, 0, null, "unreadable CSV: " + e.getCause());
    }
    return null;
  }
}
