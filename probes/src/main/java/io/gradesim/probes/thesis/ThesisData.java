package io.gradesim.probes.thesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the thesis' measurement files: {@code {"name", "measurements": {TEST: {"name", "legend":
 * [...], "data": [[seconds...] per legend entry]}}}}. Every error names the file and the field.
 */
public final class ThesisData {
  /** How many configurations the thesis measured. */
  public static final int CONFIGURATIONS = 73;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ThesisData() {}

  /** Every {@code *.json} of {@code dir}, by file name. */
  public static List<ThesisRun> readAll(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a folder of the thesis' measurements");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no .json measurement files");
    }
    List<ThesisRun> runs = new ArrayList<>();
    for (Path f : files) {
      runs.add(read(f));
    }
    return runs;
  }

  /** One measurement file. */
  public static ThesisRun read(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : "";
    if (stem.isEmpty()) {
      throw new IllegalArgumentException(file + ": not a .json measurement file");
    }
    ThesisConfiguration config;
    try {
      config = ThesisConfiguration.parse(stem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file
              + ": line "
              + e.getLocation().getLineNr()
              + ": not JSON ("
              + e.getOriginalMessage()
              + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": not a JSON object");
    }
    String title = text(file, root, "name");
    JsonNode measurements = root.get("measurements");
    if (measurements == null || !measurements.isObject()) {
      throw new IllegalArgumentException(file + ": field measurements: missing or not an object");
    }
    List<ThesisTest> tests = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = measurements.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      tests.add(test(file, e.getKey(), e.getValue()));
    }
    return new ThesisRun(config, title, List.copyOf(tests));
  }

  private static ThesisTest test(Path file, String key, JsonNode t) {
    String where = "measurements.\"" + key + "\"";
    if (!t.isObject()) {
      throw new IllegalArgumentException(file + ": field " + where + ": not an object");
    }
    JsonNode legend = t.get("legend");
    JsonNode data = t.get("data");
    if (legend == null || !legend.isArray() || legend.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": field " + where + ".legend: missing or not a non-empty array");
    }
    if (data == null || !data.isArray()) {
      throw new IllegalArgumentException(
          file + ": field " + where + ".data: missing or not an array");
    }
    if (data.size() != legend.size()) {
      throw new IllegalArgumentException(
          file
              + ": field "
              + where
              + ".data: "
              + data.size()
              + " series for "
              + legend.size()
              + " legend entries");
    }
    List<ThesisSeries> series = new ArrayList<>();
    for (int i = 0; i < legend.size(); i++) {
      JsonNode l = legend.get(i);
      if (!l.isTextual()) {
        throw new IllegalArgumentException(
            file + ": field " + where + ".legend[" + i + "]: not a string");
      }
      JsonNode row = data.get(i);
      if (!row.isArray()) {
        throw new IllegalArgumentException(
            file + ": field " + where + ".data[" + i + "]: not an array");
      }
      double[] seconds = new double[row.size()];
      for (int j = 0; j < row.size(); j++) {
        JsonNode v = row.get(j);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
          throw new IllegalArgumentException(
              file
                  + ": field "
                  + where
                  + ".data["
                  + i
                  + "]["
                  + j
                  + "]: '"
                  + v
                  + "' is not a non-negative number of seconds");
        }
        seconds[j] = v.doubleValue();
      }
      series.add(new ThesisSeries(l.textValue(), seconds));
    }
    return new ThesisTest(key, List.copyOf(series));
  }

  private static String text(Path file, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException(file + ": field " + field + ": missing or not a string");
    }
    return v.textValue();
  }
}
