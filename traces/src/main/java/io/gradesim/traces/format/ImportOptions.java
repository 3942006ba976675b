package io.gradesim.traces.format;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Options of {@code trace import}; each importer reads those that concern its format.
 *
 * @param tasksDir INGInious course folder ({@code <course>/<task>/task.yaml}), or null
 * @param zone time zone forced for local timestamps ({@code --tz}), or null to infer or refuse
 * @param salt key of the username pseudonymisation hash
 * @param keepUsernames write usernames as they are (opt-in)
 * @param contestFile ejudge contest JSON ({@code --contest}), or null for the default
 * @param columnMap generic CSV mapping: input column to canonical field ({@code --map})
 */
public record ImportOptions(
    Path tasksDir,
    ZoneId zone,
    String salt,
    boolean keepUsernames,
    Path contestFile,
    Map<String, String> columnMap) {

  /** Defaults: no task folder, inferred zone, the default salt, pseudonymised users. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, null, "gradesim", false, null, Map.of());
  }

  /** Copies the column map. */
  public ImportOptions {
    columnMap = columnMap == null ? Map.of() : Map.copyOf(columnMap);
    salt = salt == null ? "gradesim" : salt;
  }
}
