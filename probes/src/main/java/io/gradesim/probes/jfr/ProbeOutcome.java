package io.gradesim.probes.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a dumped probe recording says about each runtime: whether any measured stage succeeded, and
 * the first error it recorded (warm-ups included, since a runtime that fails outright fails in its
 * first round, which is often a warm-up).
 */
public final class ProbeOutcome {
  private final Set<String> measured;
  private final Map<String, String> firstError;

  private ProbeOutcome(Set<String> measured, Map<String, String> firstError) {
    this.measured = measured;
    this.firstError = firstError;
  }

  /** Reads {@code jfr}; a missing file is an outcome with nothing measured. */
  public static ProbeOutcome read(Path jfr) throws IOException {
    Set<String> measured = new TreeSet<>();
    Map<String, String> errors = new LinkedHashMap<>();
    if (Files.isRegularFile(jfr)) {
      for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
        if (!e.getEventType().getName().equals(StageEvent.NAME)) {
          continue;
        }
        String runtime = e.getString("runtime");
        if (e.getBoolean("ok") && !e.getBoolean("warmup")) {
          measured.add(runtime);
        }
        String error = e.getString("error");
        if (!e.getBoolean("ok") && error != null && !error.isBlank()) {
          errors.putIfAbsent(runtime, e.getString("stage") + ": " + error);
        }
      }
    }
    return new ProbeOutcome(measured, errors);
  }

  /** The result labels of the runtimes with at least one successful measured stage. */
  public Set<String> measured() {
    return measured;
  }

  /** The first error recorded for {@code runtime}, as {@code stage: message}. */
  public Optional<String> firstError(String runtime) {
    return Optional.ofNullable(firstError.get(runtime));
  }
}
