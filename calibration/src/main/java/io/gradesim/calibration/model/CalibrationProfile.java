package io.gradesim.calibration.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.gradesim.calibration.host.HostFingerprint;
import io.gradesim.files.AtomicWrite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A calibration profile: the host it was measured on, the recording it came from, and stage-cost
 * rows measured here or transcribed from the literature. Schema in {@code calibration/README.md};
 * {@link #VERSION} changes when a field changes meaning.
 *
 * @param schema always {@value #SCHEMA}
 * @param version schema version, {@value #VERSION}
 * @param host the measuring host (absent for a literature-only profile)
 * @param recording the recording measured rows came from (absent for a literature-only profile)
 * @param rows stage costs, sorted by runtime, stage, payload, concurrency, source
 * @param opCpu per measured runtime, the CPU share of its container operations ({@code op_cpu},
 *     absent in profiles measured before it was, and in literature profiles)
 */
@JsonPropertyOrder({"schema", "version", "host", "recording", "rows", "op_cpu"})
public record CalibrationProfile(
    String schema,
    int version,
    HostFingerprint host,
    RecordingInfo recording,
    List<StageCost> rows,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, OpCpu> opCpu) {

  /** Schema name written in every profile. */
  public static final String SCHEMA = "gradesim-calibration-profile";

  /** Current schema version. */
  public static final int VERSION = 1;

  /** Sorts the rows. */
  public CalibrationProfile {
    List<StageCost> sorted = new ArrayList<>(rows == null ? List.of() : rows);
    sorted.sort(StageCost.ORDER);
    rows = List.copyOf(sorted);
    opCpu =
        opCpu == null
            ? Map.of()
            : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(opCpu));
  }

  /** A profile without {@code op_cpu}. */
  public CalibrationProfile(
      String schema,
      int version,
      HostFingerprint host,
      RecordingInfo recording,
      List<StageCost> rows) {
    this(schema, version, host, recording, rows, Map.of());
  }

  /** A profile of the current schema. */
  public static CalibrationProfile of(
      HostFingerprint host, RecordingInfo recording, List<StageCost> rows) {
    return new CalibrationProfile(SCHEMA, VERSION, host, recording, rows, Map.of());
  }

  /** This profile with the CPU shares of its runtimes' container operations. */
  public CalibrationProfile withOpCpu(Map<String, OpCpu> shares) {
    return new CalibrationProfile(schema, version, host, recording, rows, shares);
  }

  /**
   * This profile plus another's rows (typically the bundled literature). Rows are never dropped:
   * when both give the same runtime, the sampler prefers measured rows (see {@link
   * StageCostSampler}); host and recording stay this profile's.
   */
  public CalibrationProfile merge(CalibrationProfile other) {
    List<StageCost> all = new ArrayList<>(rows);
    all.addAll(other.rows());
    return new CalibrationProfile(SCHEMA, VERSION, host, recording, all, opCpu);
  }

  /** Each runtime with the source the sampler uses for it: measured when any row is measured. */
  public SortedMap<String, String> runtimeSources() {
    SortedMap<String, String> out = new TreeMap<>();
    for (StageCost r : rows) {
      if (!r.usable()) {
        continue;
      }
      out.merge(
          r.runtime(),
          r.source(),
          (a, b) ->
              StageCost.MEASURED.equals(a) || StageCost.MEASURED.equals(b)
                  ? StageCost.MEASURED
                  : a);
    }
    return out;
  }

  /** The profile as JSON text, byte-stable. */
  public String toJson() {
    try {
      return ProfileJson.WRITER.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write profile", e);
    }
  }

  /** Writes the profile atomically: a temporary file beside {@code file}, then a rename. */
  public void save(Path file) throws IOException {
    AtomicWrite.writeString(file, toJson());
  }

  /** Resource path of the bundled literature profile. */
  public static final String LITERATURE_RESOURCE = "/io/gradesim/calibration/literature.json";

  /** The bundled literature profile: published figures for runtimes, each row cited. */
  public static CalibrationProfile bundledLiterature() {
    try (InputStream in = CalibrationProfile.class.getResourceAsStream(LITERATURE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + LITERATURE_RESOURCE);
      }
      return parse(in, LITERATURE_RESOURCE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads a profile file, naming the file in any error. */
  public static CalibrationProfile load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no calibration profile here");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  /**
   * Reads a profile from a stream; {@code name} labels errors, which give the JSON line of the bad
   * value ({@link ProfileCheck}).
   */
  public static CalibrationProfile parse(InputStream in, String name) throws IOException {
    byte[] json = in.readAllBytes();
    ProfileCheck.check(json, name);
    CalibrationProfile p;
    try {
      p = ProfileJson.MAPPER.readValue(json, CalibrationProfile.class);
    } catch (JsonProcessingException e) {
      throw ProfileCheck.syntax(name, e);
    }
    if (!SCHEMA.equals(p.schema()) || p.version() < 1 || p.version() > VERSION) {
      throw new IllegalArgumentException(
          name
              + ": field schema/version: expected "
              + SCHEMA
              + " version 1.."
              + VERSION
              + ", found "
              + p.schema()
              + " version "
              + p.version());
    }
    for (StageCost r : p.rows()) {
      if (r.fit() != null) {
        try {
          r.fit().distribution();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              name
                  + ": row "
                  + r.runtime()
                  + "/"
                  + r.stage()
                  + "/c"
                  + r.concurrency()
                  + ": field fit: "
                  + e.getMessage(),
              e);
        }
      }
    }
    return p;
  }
}
