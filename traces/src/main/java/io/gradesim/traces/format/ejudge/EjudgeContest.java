package io.gradesim.traces.format.ejudge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradesim.traces.TraceFormatException;
import io.gradesim.traces.format.Timestamps;
import io.gradesim.traces.io.TraceInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The contest an ejudge run log belongs to: its id and its start instant, read from the contest
 * JSON ({@code start_time_local}, {@code start_time} or {@code start}). ejudge writes the start as
 * local wall-clock time without a zone, so the zone comes from an offset in the start itself, else
 * {@code --tz}, else a {@code timezone}/{@code time_zone}/{@code tz}/{@code zone} key; with none of
 * them the import stops rather than guess.
 *
 * @param id the contest id: the JSON's {@code contest_id}, else the run log's name prefix
 * @param start the instant {@code contest_time_s} counts from
 */
public record EjudgeContest(String id, Instant start) {
  private static final List<String> START_KEYS = List.of("start_time_local", "start_time", "start");
  private static final List<String> ZONE_KEYS = List.of("timezone", "time_zone", "tz", "zone");
  private static final String[] SEPARATORS = {"_", "-", ".", ""};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code json}; {@code forced} ({@code --tz}) wins over a zone key of the file. */
  public static EjudgeContest load(Path json, String prefix, ZoneId forced) throws IOException {
    JsonNode root;
    try (InputStream in = TraceInput.open(json)) {
      root = JSON.readTree(in);
    } catch (JacksonException e) {
      throw new TraceFormatException(
          json,
          e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr()),
          null,
          "not JSON: " + e.getOriginalMessage());
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new TraceFormatException(json, 0, null, "unreadable: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new TraceFormatException(json, 0, null, "expected a JSON object");
    }
    String key =
        START_KEYS.stream()
            .filter(k -> root.path(k).isTextual())
            .findFirst()
            .orElseThrow(
                () ->
                    new TraceFormatException(
                        json,
                        0,
                        START_KEYS.get(0),
                        "the contest start is missing (looked for "
                            + String.join(", ", START_KEYS)
                            + ")"));
    String text = root.get(key).asText();
    Timestamps.Stamp stamp;
    try {
      stamp = Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TraceFormatException(json, 0, key, e.getMessage());
    }
    ZoneId zone =
        stamp.zone() != null ? stamp.zone() : forced != null ? forced : zoneIn(json, root);
    if (zone == null) {
      String note = root.path("timezone_note").asText("");
      throw new TraceFormatException(
          json,
          0,
          key,
          "'"
              + text
              + "' is local time and the file"
              + " names no zone"
              + (note.isEmpty() ? "" : " (timezone_note: " + note + ")")
              + "; pass --tz ZONE, e.g. --tz Europe/Moscow");
    }
    String id =
        root.path("contest_id").asText("").isBlank() ? prefix : root.get("contest_id").asText();
    return new EjudgeContest(id, stamp.local().atZone(zone).toInstant());
  }

  private static ZoneId zoneIn(Path json, JsonNode root) {
    for (String k : ZONE_KEYS) {
      if (root.path(k).isTextual() && !root.get(k).asText().isBlank()) {
        try {
          return Timestamps.zone(root.get(k).asText());
        } catch (IllegalArgumentException e) {
          throw new TraceFormatException(json, 0, k, e.getMessage());
        }
      }
    }
    return null;
  }

  /**
   * The name prefix of a run log: {@code day1_runs.csv} (or {@code .csv.gz}) gives {@code day1}.
   */
  public static String prefixOf(Path runLog) {
    String name = runLog.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ext : new String[] {".gz", ".csv"}) {
      if (lower.endsWith(ext)) {
        name = name.substring(0, name.length() - ext.length());
        lower = lower.substring(0, lower.length() - ext.length());
      }
    }
    if (lower.endsWith("runs")) {
      name = name.substring(0, name.length() - 4);
    }
    while (!name.isEmpty() && "_-.".indexOf(name.charAt(name.length() - 1)) >= 0) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }

  /**
   * The contest JSON beside {@code runLog} whose name shares its prefix ({@code day1_runs.csv}
   * pairs with {@code day1_contest.json}); fails listing the candidates when there is none.
   */
  public static Path besides(Path runLog) throws IOException {
    Path dir = runLog.toAbsolutePath().getParent();
    String prefix = prefixOf(runLog);
    for (String sep : SEPARATORS) {
      Path candidate = dir.resolve(prefix + (prefix.isEmpty() ? "" : sep) + "contest.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    List<String> found;
    try (Stream<Path> files = Files.list(dir)) {
      found =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.toLowerCase(Locale.ROOT).endsWith("contest.json"))
              .sorted()
              .toList();
    }
    throw new TraceFormatException(
        runLog,
        0,
        null,
        "no "
            + prefix
            + "_contest.json beside the"
            + " run log (contest files there: "
            + (found.isEmpty() ? "none" : String.join(", ", found))
            + "); name one with --contest FILE");
  }
}
