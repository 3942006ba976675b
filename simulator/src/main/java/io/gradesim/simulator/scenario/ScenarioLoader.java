package io.gradesim.simulator.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.gradesim.probes.jfr.Stage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario: the HOCON file, then {@code --set key=value} overrides, then the defaults of
 * {@code reference.conf} ({@code gradesim.simulator}). A key the reference does not know is an
 * error naming the key, the file and the line; so is a value of the wrong type.
 */
public final class ScenarioLoader {
  /** The path of the scenario defaults in {@code reference.conf}. */
  public static final String REFERENCE_PATH = "gradesim.simulator";

  private ScenarioLoader() {}

  /** Loads {@code file} with {@code overrides} ({@code key=value} strings). */
  public static ScenarioSettings load(Path file, List<String> overrides) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": scenario file not found");
    }
    Config parsed;
    try {
      // A bare file name has no parent, and HOCON then finds no sibling to include.
      File f = file.getParent() == null ? Path.of(".").resolve(file).toFile() : file.toFile();
      parsed =
          ConfigFactory.parseFile(
              f,
              ConfigParseOptions.defaults()
                  .setAllowMissing(false)
                  .setIncluder(new RequiredIncluder()));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return fromConfig(parsed, nameOf(file), file.toString(), overrides);
  }

  /** Parses scenario text (tests, bundled defaults); {@code origin} names it in errors. */
  public static ScenarioSettings parse(String hocon, String name, List<String> overrides) {
    Config parsed;
    try {
      parsed =
          ConfigFactory.parseString(
              hocon, ConfigParseOptions.defaults().setOriginDescription(name));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    return fromConfig(parsed, name, name, overrides);
  }

  private static ScenarioSettings fromConfig(
      Config file, String name, String where, List<String> overrides) {
    Config reference = ConfigFactory.defaultReference().getConfig(REFERENCE_PATH);
    Config user = file;
    for (String o : overrides) {
      user = override(o).withFallback(user);
    }
    checkKnown(user, reference, where);
    Config merged;
    try {
      merged = user.withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    return new ScenarioReader(merged, where).read(name);
  }

  private static Config override(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("--set " + assignment + ": expected key=value");
    }
    String key = assignment.substring(0, eq).trim();
    String value = assignment.substring(eq + 1).trim();
    String origin = "--set " + assignment;
    try {
      return ConfigFactory.parseString(
          key + " = " + value, ConfigParseOptions.defaults().setOriginDescription(origin));
    } catch (ConfigException e) {
      // Values such as exp:mean=4s are not valid unquoted HOCON: take them as strings.
      try {
        return ConfigFactory.empty(origin)
            .withValue(key, ConfigValueFactory.fromAnyRef(value, origin));
      } catch (ConfigException bad) {
        throw new IllegalArgumentException(origin + ": " + bad.getMessage(), bad);
      }
    }
  }

  private static void checkKnown(Config user, Config reference, String where) {
    for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("grading.tasks.") || reference.hasPathOrNull(key)) {
        continue;
      }
      if (key.startsWith("costs.") && isStage(key.substring("costs.".length()))) {
        continue;
      }
      throw new IllegalArgumentException(
          locate(e.getValue(), where)
              + ": unknown key '"
              + key
              + "' (known keys: "
              + String.join(", ", topLevelKeys(reference))
              + ")");
    }
  }

  private static boolean isStage(String s) {
    for (Stage stage : Stage.SIMULATED) {
      if (stage.label().equals(s)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> topLevelKeys(Config reference) {
    return reference.root().keySet().stream().sorted().toList();
  }

  /** Where a value was written: {@code file:line}, or the {@code --set} that gave it. */
  static String locate(ConfigValue v, String where) {
    if (v.origin().filename() != null) {
      return v.origin().filename() + ":" + v.origin().lineNumber();
    }
    String d = v.origin().description();
    if (d != null && d.startsWith("--set")) {
      return d.replaceAll(": \\d+$", "");
    }
    return v.origin().lineNumber() > 0 ? where + ":" + v.origin().lineNumber() : where;
  }

  private static String nameOf(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
