package io.gradesim.traces.format;

import io.gradesim.traces.format.clics.ClicsFeedImporter;
import io.gradesim.traces.format.csv.MappedCsvImporter;
import io.gradesim.traces.format.ejudge.EjudgeRunLogImporter;
import io.gradesim.traces.format.inginious.InginiousImporter;
import io.gradesim.traces.format.progsnap2.ProgSnap2Importer;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The trace formats {@code trace import} reads: one enum line per importer (Caffeine's {@code
 * TraceFormat} pattern). Adding a format is one new class and one line here.
 */
public enum TraceFormat {
  INGINIOUS(
      "INGInious mongoexport of submissions (JSON lines or array; --tasks, --tz)",
      InginiousImporter::new),
  CLICS("CLICS contest event feed, NDJSON as DOMjudge publishes it", ClicsFeedImporter::new),
  EJUDGE(
      "ejudge run log CSV; start from its contest JSON (--contest, --tz)",
      EjudgeRunLogImporter::new),
  PROGSNAP2(
      "ProgSnap2 MainTable.csv, Submit events (--tz for zone-less times)", ProgSnap2Importer::new),
  CSV("any CSV with a header, columns mapped with --map column=field", MappedCsvImporter::new);

  private final String description;
  private final Supplier<TraceImporter> factory;

  TraceFormat(String description, Supplier<TraceImporter> factory) {
    this.description = description;
    this.factory = factory;
  }

  /** A new importer for this format. */
  public TraceImporter importer() {
    return factory.get();
  }

  /** One line saying what the format is, for {@code --help}. */
  public String description() {
    return description;
  }

  /** The name users type: the enum name in lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code key}, or an error listing the known ones. */
  public static TraceFormat of(String key) {
    for (TraceFormat f : values()) {
      if (f.key().equals(key.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown trace format '"
            + key
            + "'; known: "
            + String.join(", ", Arrays.stream(values()).map(TraceFormat::key).toList()));
  }
}
