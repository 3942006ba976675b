package io.gradesim.calibration.host;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The machine a profile was measured on. Read from Linux's {@code /proc} on the host that runs
 * {@code calibrate}, which is meant to be the host that ran the probes (the demo does both); fields
 * that cannot be read are {@value #UNKNOWN}.
 *
 * @param cpuModel {@code model name} from {@code /proc/cpuinfo}
 * @param cores logical processors available to the JVM
 * @param memoryBytes {@code MemTotal} from {@code /proc/meminfo}, 0 when unknown
 * @param kernel {@code /proc/sys/kernel/osrelease} (what {@code uname -r} prints)
 * @param runtimeVersions runtime name to version, from the recording or the command line
 * @param recordedAt ISO-8601 instant of the recording's first stage event
 */
@JsonPropertyOrder({"cpuModel", "cores", "memoryBytes", "kernel", "runtimeVersions", "recordedAt"})
public record HostFingerprint(
    String cpuModel,
    int cores,
    long memoryBytes,
    String kernel,
    SortedMap<String, String> runtimeVersions,
    String recordedAt) {

  /** Value of a field that could not be read. */
  public static final String UNKNOWN = "unknown";

  /** Normalises the version map to a sorted copy. */
  public HostFingerprint {
    runtimeVersions = new TreeMap<>(runtimeVersions == null ? new TreeMap<>() : runtimeVersions);
  }

  /** The fingerprint of this host for a recording made at {@code recordedAt}. */
  public static HostFingerprint ofThisHost(
      SortedMap<String, String> runtimeVersions, String recordedAt) {
    return new HostFingerprint(
        cpuModel(readLines(Path.of("/proc/cpuinfo"))),
        Runtime.getRuntime().availableProcessors(),
        memoryBytes(readLines(Path.of("/proc/meminfo"))),
        firstLine(Path.of("/proc/sys/kernel/osrelease")),
        runtimeVersions,
        recordedAt);
  }

  static String cpuModel(List<String> cpuinfo) {
    for (String line : cpuinfo) {
      if (line.startsWith("model name")) {
        int colon = line.indexOf(':');
        return colon < 0 ? UNKNOWN : line.substring(colon + 1).trim();
      }
    }
    return UNKNOWN;
  }

  static long memoryBytes(List<String> meminfo) {
    for (String line : meminfo) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.substring(9).trim().split("\\s+");
        try {
          long kib = Long.parseLong(parts[0]);
          return kib * 1024;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  private static String firstLine(Path p) {
    List<String> lines = readLines(p);
    return lines.isEmpty() ? UNKNOWN : lines.get(0).trim();
  }

  private static List<String> readLines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
